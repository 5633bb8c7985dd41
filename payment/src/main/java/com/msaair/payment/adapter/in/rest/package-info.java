/** The payment API: a held booking's charge (called by reservation alone, as itself) and a customer's payments. */
package com.msaair.payment.adapter.in.rest;
