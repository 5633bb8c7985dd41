/** Payments and their ledger in the service's own database, mapped in {@code META-INF/orm.xml}. */
package com.msaair.payment.adapter.out.persistence;
