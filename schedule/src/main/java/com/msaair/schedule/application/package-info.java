/** Schedule use cases: register, cancel, look up. Thin: rules live in the domain, I/O in adapters. */
package com.msaair.schedule.application;
