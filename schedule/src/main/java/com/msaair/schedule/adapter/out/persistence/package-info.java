/** JPA adapter: the repository port over EclipseLink and the service's own Derby database. */
package com.msaair.schedule.adapter.out.persistence;
