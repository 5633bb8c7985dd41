package com.msaair.platform.inbox;

import com.msaair.platform.kafka.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code msaair_consumer_lag{group,topic,partition}}: how many records a consumer group has still to
 * take, per partition — the partition's last offset less the group's committed offset, measured every
 * {@code msaair.consumer.lag-interval-ms} through Kafka's admin API. A service reports its own groups
 * and the groups consuming the topics it publishes: a consumer that is stopped reports nothing, so its
 * backlog is seen from upstream. Several replicas and services may report the same series: take the
 * max by group, topic and partition, never the sum. While the broker cannot be reached the last
 * figures stay; the outbox's age and readiness tell that story.
 */
@ApplicationScoped
public class ConsumerLag {

    static final String NAME = "msaair_consumer_lag";
    private static final Logger LOG = Logger.getLogger(ConsumerLag.class.getName());

    @Inject
    KafkaSettings kafka;

    @Inject
    MetricRegistry registry;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ConsumerSettings settings;

    /** Topics by consumer group, for each channel this service consumes. */
    private final Map<String, Set<String>> topicsByGroup = new ConcurrentHashMap<>();
    /** The topics this service publishes (as its relay has sent to them). */
    private final Set<String> published = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();
    private Admin admin;
    private ScheduledFuture<?> measuring;

    /** Watches how far {@code group} is behind on {@code topic}, which this service consumes. */
    synchronized void watch(String group, String topic) {
        topicsByGroup.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(topic);
        startMeasuring();
    }

    /** Watches the groups consuming {@code topic}, which this service publishes. */
    public void published(String topic) {
        if (published.add(topic)) {
            startMeasuring();
        }
    }

    private synchronized void startMeasuring() {
        if (measuring == null) {
            measuring = executor.scheduleWithFixedDelay(this::measure, 0, settings.lagInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (measuring != null) {
            measuring.cancel(false);
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }

    private void measure() {
        try {
            Admin kafka = admin();
            Map<String, Set<String>> watched = new HashMap<>();
            topicsByGroup.forEach((group, topics) -> watched.computeIfAbsent(group, g -> new HashSet<>()).addAll(topics));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            if (!published.isEmpty()) {
                Map<String, ListConsumerGroupOffsetsSpec> everyGroup = new HashMap<>();
                for (ConsumerGroupListing listing : kafka.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
                    everyGroup.put(listing.groupId(), new ListConsumerGroupOffsetsSpec());
                }
                watched.keySet().forEach(group -> everyGroup.put(group, new ListConsumerGroupOffsetsSpec()));
                committed.putAll(kafka.listConsumerGroupOffsets(everyGroup).all().get(5, TimeUnit.SECONDS));
                committed.forEach((group, offsets) -> offsets.keySet().stream().map(TopicPartition::topic).filter(published::contains)
                        .forEach(topic -> watched.computeIfAbsent(group, g -> new HashSet<>()).add(topic)));
            } else if (!watched.isEmpty()) {
                Map<String, ListConsumerGroupOffsetsSpec> own = new HashMap<>();
                watched.keySet().forEach(group -> own.put(group, new ListConsumerGroupOffsetsSpec()));
                committed.putAll(kafka.listConsumerGroupOffsets(own).all().get(5, TimeUnit.SECONDS));
            }
            Set<String> topics = new HashSet<>();
            watched.values().forEach(topics::addAll);
            if (topics.isEmpty()) {
                return;
            }
            Map<String, TopicDescription> described = kafka.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.values().forEach(topic -> topic.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = kafka.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            watched.forEach((group, groupTopics) -> ends.forEach((partition, end) -> {
                if (groupTopics.contains(partition.topic())) {
                    OffsetAndMetadata done = committed.getOrDefault(group, Map.of()).get(partition);
                    // A group that never committed on a partition starts at its beginning (auto.offset.reset=earliest).
                    lagOf(group, partition).set(Math.max(0, end.offset() - (done == null ? 0 : done.offset())));
                }
            }));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Could not measure consumer lag; keeping the last figures", e);
        }
    }

    private AtomicLong lagOf(String group, TopicPartition partition) {
        return lags.computeIfAbsent(group + "/" + partition, key -> {
            AtomicLong value = new AtomicLong();
            registry.gauge(Metadata.builder().withName(NAME)
                            .withDescription("Records a consumer group has yet to take, per partition").build(),
                    value, AtomicLong::get,
                    new Tag("group", group), new Tag("topic", partition.topic()), new Tag("partition", String.valueOf(partition.partition())));
            return value;
        });
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafka.admin("consumer-lag"));
        }
        return admin;
    }
}
