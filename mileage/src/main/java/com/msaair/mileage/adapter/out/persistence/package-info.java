/** JPA adapter: customers, the mileage ledger, parked events. */
package com.msaair.mileage.adapter.out.persistence;
