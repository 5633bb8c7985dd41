/**
 * Flight schedules: the {@link com.msaair.schedule.domain.Schedule} aggregate, its value objects and
 * rules, the events it announces and the repository port. No Jakarta or MicroProfile types here.
 */
package com.msaair.schedule.domain;
