/** JPA adapter: the timeline table. */
package com.msaair.history.adapter.out.persistence;
