package com.msaair.notification.adapter.out.mail;

import com.msaair.notification.domain.Mailer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E-mail through an SMTP server with Jakarta Mail. Configured by {@code smtp.host} (no host: no
 * e-mail, notifications go to the log), {@code smtp.port}, {@code smtp.from}, and optionally
 * {@code smtp.username}/{@code smtp.password} and {@code smtp.starttls} — environment variables
 * SMTP_HOST, SMTP_PORT, ... on Kubernetes (the password from a Secret).
 */
@ApplicationScoped
public class JakartaMailer implements Mailer {

    @Inject
    @ConfigProperty(name = "smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "smtp.from", defaultValue = "MSA Air <no-reply@msaair.example>")
    String from;

    @Inject
    @ConfigProperty(name = "smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "smtp.starttls", defaultValue = "false")
    boolean startTls;

    /** The longest one mail may take, all SMTP commands together; then its connection is closed under it. */
    static final Duration MAX_TIME_PER_MAIL = Duration.ofSeconds(8);

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService executor;

    private final DeadlineSocketFactory sockets = new DeadlineSocketFactory();
    private Session session;

    @PostConstruct
    void connect() {
        if (!isConfigured()) {
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "3000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.smtp.writetimeout", "5000");
        properties.put("mail.smtp.socketFactory", sockets);
        properties.put("mail.smtp.socketFactory.fallback", "false");
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        properties.put("mail.smtp.auth", String.valueOf(username.isPresent()));
        Authenticator authenticator = username.isEmpty() ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username.get(), password.orElse(""));
            }
        };
        session = Session.getInstance(properties, authenticator);
    }

    @Override
    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    @Override
    public Duration maxTimePerMail() {
        return MAX_TIME_PER_MAIL;
    }

    @Override
    public void send(String to, String subject, String body) {
        Thread sender = Thread.currentThread();
        ScheduledFuture<?> deadline = executor.schedule(() -> sockets.closeAllOf(sender), MAX_TIME_PER_MAIL.toMillis(), TimeUnit.MILLISECONDS);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new MailFailure("SMTP delivery to " + to + " failed: " + e.getMessage(), e);
        } finally {
            deadline.cancel(false);
            sockets.forget(sender);
        }
    }
}
