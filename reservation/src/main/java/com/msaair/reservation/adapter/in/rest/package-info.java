/** REST adapter: the reservation API under /api. */
package com.msaair.reservation.adapter.in.rest;
