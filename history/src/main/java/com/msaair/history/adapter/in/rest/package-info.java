/** REST adapter: a customer's timeline under /api. */
package com.msaair.history.adapter.in.rest;
