/** JPA adapter: notifications and the contact replica. */
package com.msaair.notification.adapter.out.persistence;
