/**
 * Customers and mileage: the {@link com.msaair.mileage.domain.Customer} aggregate with its balance,
 * the ledger of accruals and reversals (one of each per booking at most), the events, and the
 * repository port. No Jakarta or MicroProfile types here.
 */
package com.msaair.mileage.domain;
