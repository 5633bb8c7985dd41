/** REST adapter: customers, their mileage, and parked events for operators, under /api. */
package com.msaair.mileage.adapter.in.rest;
