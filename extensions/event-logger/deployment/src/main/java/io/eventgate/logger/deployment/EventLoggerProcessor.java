package io.eventgate.logger.deployment;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.inject.Default;
import jakarta.inject.Singleton;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;

import io.eventgate.logger.EventLogRecord;
import io.eventgate.logger.EventLogStrategy;
import io.eventgate.logger.EventLogger;
import io.eventgate.logger.EventLoggerName;
import io.eventgate.logger.runtime.EventLogStrategies;
import io.eventgate.logger.runtime.EventLoggerConfig;
import io.eventgate.logger.runtime.EventLoggerRecorder;
import io.eventgate.logger.runtime.console.ConsoleLogStrategy;
import io.eventgate.logger.runtime.health.EventLogStoresReadinessCheck;
import io.eventgate.logger.runtime.jboss.JBossLogStrategy;
import io.eventgate.logger.runtime.metrics.EventLoggerMetrics;
import io.eventgate.logger.runtime.mongo.MongoLogStrategy;
import io.eventgate.logger.runtime.none.NoneLogStrategy;
import io.eventgate.logger.runtime.pipeline.QueuedStores;
import io.eventgate.logger.runtime.redis.RedisStreamLogStrategy;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.processor.InjectionPointInfo;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

class EventLoggerProcessor {

    private static final String FEATURE = "event-logger";
    private static final DotName EVENT_LOGGER = DotName.createSimple(EventLogger.class);
    private static final DotName EVENT_LOGGER_NAME = DotName.createSimple(EventLoggerName.class);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem beans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(EventLoggerName.class, EventLogStrategies.class, QueuedStores.class,
                        JBossLogStrategy.class, ConsoleLogStrategy.class, NoneLogStrategy.class)
                .setUnremovable()
                .build();
    }

    /** The strategies, health check and meters that exist only when the application has their client. */
    @BuildStep
    void optionalBeans(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.MONGODB_CLIENT)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(MongoLogStrategy.class));
        }
        if (capabilities.isPresent(Capability.REDIS_CLIENT)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(RedisStreamLogStrategy.class));
        }
        if (capabilities.isPresent(Capability.METRICS)
                && QuarkusClassLoader.isClassPresentAtRuntime("io.micrometer.core.instrument.MeterRegistry")) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(EventLoggerMetrics.class));
        }
    }

    /** The console strategy writes records as JSON with Jackson, which a native image must be told about. */
    @BuildStep
    ReflectiveClassBuildItem recordsAsJson() {
        return ReflectiveClassBuildItem.builder(EventLogRecord.class).methods().fields().build();
    }

    @BuildStep
    HealthBuildItem readiness() {
        return new HealthBuildItem(EventLogStoresReadinessCheck.class.getName(), true);
    }

    @BuildStep
    UnremovableBeanBuildItem keepStrategies() {
        // Strategies are chosen by name in runtime configuration, never by an injection point.
        return UnremovableBeanBuildItem.beanTypes(EventLogStrategy.class);
    }

    @BuildStep
    void requestedLoggers(BeanDiscoveryFinishedBuildItem beans, BuildProducer<RequestedEventLoggerBuildItem> requested) {
        Set<String> names = new TreeSet<>();
        // The default logger always exists, so programmatic lookup of it works too.
        names.add(EventLoggerConfig.DEFAULT_LOGGER_NAME);
        for (InjectionPointInfo injectionPoint : beans.getInjectionPoints()) {
            if (!injectionPoint.getRequiredType().name().equals(EVENT_LOGGER)) {
                continue;
            }
            AnnotationInstance qualifier = injectionPoint.getRequiredQualifier(EVENT_LOGGER_NAME);
            if (qualifier != null) {
                names.add(qualifier.value().asString());
            }
        }
        names.forEach(name -> requested.produce(new RequestedEventLoggerBuildItem(name)));
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void loggerBeans(List<RequestedEventLoggerBuildItem> requested, EventLoggerRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> syntheticBeans) {
        for (RequestedEventLoggerBuildItem logger : requested) {
            SyntheticBeanBuildItem.ExtendedBeanConfigurator bean = SyntheticBeanBuildItem.configure(EventLogger.class)
                    .scope(Singleton.class)
                    .setRuntimeInit()
                    // Created at start, so a misconfigured logger fails the start, not the first event.
                    .startup()
                    .unremovable()
                    .addInjectionPoint(ClassType.create(EventLogStrategies.class))
                    .addInjectionPoint(ClassType.create(QueuedStores.class))
                    .createWith(recorder.eventLogger(logger.name()));
            if (EventLoggerConfig.DEFAULT_LOGGER_NAME.equals(logger.name())) {
                bean.addQualifier(Default.class);
            } else {
                bean.addQualifier().annotation(EVENT_LOGGER_NAME).addValue("value", logger.name()).done();
            }
            syntheticBeans.produce(bean.done());
        }
    }
}
