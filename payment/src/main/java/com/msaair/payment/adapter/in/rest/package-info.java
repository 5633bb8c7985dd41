/** The payment API: a held booking's charge (called by reservation with the customer's token) and a customer's payments. */
package com.msaair.payment.adapter.in.rest;
