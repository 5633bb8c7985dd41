package com.msaair.schedule.domain;

public enum ScheduleStatus {
    SCHEDULED,
    CANCELLED
}
