/** REST adapter: a customer's notifications under /api. */
package com.msaair.notification.adapter.in.rest;
