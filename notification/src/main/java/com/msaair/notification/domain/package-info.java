/**
 * Customer notifications: one {@link com.msaair.notification.domain.Notification} per event, its
 * delivery attempts and status, the retry policy, the words customers read, and the ports
 * (repository, mailer). No Jakarta or MicroProfile types here.
 */
package com.msaair.notification.domain;
