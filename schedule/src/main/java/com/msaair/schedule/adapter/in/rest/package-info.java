/** REST adapter: the schedule API under /api. Reads requests strictly, answers errors as problem+json. */
package com.msaair.schedule.adapter.in.rest;
