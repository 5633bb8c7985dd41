/** The schedule service as seen from booking: a Rest Client and the fault-tolerant flight check with its replica fallback. */
package com.msaair.reservation.adapter.out.schedule;
