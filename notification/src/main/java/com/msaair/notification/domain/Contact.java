package com.msaair.notification.domain;

/** How to reach a customer, as the mileage service announced when they registered. */
public class Contact {

    private String customerId;
    private String name;
    private String email;

    protected Contact() {
        // for the persistence adapter
    }

    public Contact(String customerId, String name, String email) {
        this.customerId = customerId;
        this.name = name;
        this.email = email;
    }

    public String customerId() {
        return customerId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }
}
