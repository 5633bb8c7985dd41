/** Mileage use cases: register customers, accrue and reverse miles from reservation events, handle parked events. */
package com.msaair.mileage.application;
