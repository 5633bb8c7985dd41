/** History use cases: record a timeline entry per event, read a customer's timeline. */
package com.msaair.history.application;
