/** Notification use cases: record one per event, deliver by e-mail with retries, list a customer's notifications. */
package com.msaair.notification.application;
