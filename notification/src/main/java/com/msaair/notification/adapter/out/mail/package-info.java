/** Mail adapter: Jakarta Mail over SMTP. */
package com.msaair.notification.adapter.out.mail;
