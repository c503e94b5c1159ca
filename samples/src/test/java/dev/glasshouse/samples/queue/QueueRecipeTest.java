package dev.glasshouse.samples.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.testing.RecipeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The distributed queue with producers and consumers. */
@Timeout(60)
abstract class QueueRecipeTest extends RecipeTest {

    @Test
    void aConsumerTakesItemsInTheOrderTheyWereOffered() throws Exception {
        DistributedQueue producer = new DistributedQueue(participant("producer"), root + "/queue");
        DistributedQueue consumer = new DistributedQueue(participant("consumer"), root + "/queue");
        List<String> offered = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            offered.add("job " + i);
            producer.offer("job " + i);
        }
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            taken.add(consumer.take(deadline()));
        }
        assertThat(taken).isEqualTo(offered);
    }

    @Test
    void concurrentConsumersTakeEveryItemExactlyOnceAndInEachProducersOrder() throws Exception {
        int perProducer = 20;
        AtomicInteger toTake = new AtomicInteger(2 * perProducer);
        List<Future<List<String>>> consumers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            DistributedQueue consumer = new DistributedQueue(participant("c" + c), root + "/queue");
            consumers.add(inBackground(() -> {
                List<String> taken = new ArrayList<>();
                while (toTake.getAndDecrement() > 0) {
                    taken.add(consumer.take(deadline()));
                }
                return taken;
            }));
        }
        List<Future<Void>> producers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            DistributedQueue producer = new DistributedQueue(participant("p" + p), root + "/queue");
            String name = "p" + p;
            producers.add(inBackground(() -> {
                for (int i = 0; i < perProducer; i++) {
                    producer.offer(String.format("%s-%02d", name, i));
                }
                return null;
            }));
        }
        for (Future<Void> producer : producers) {
            result(producer);
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> consumer : consumers) {
            List<String> taken = result(consumer);
            assertThat(taken.stream().filter(item -> item.startsWith("p0")).toList()).isSorted();
            assertThat(taken.stream().filter(item -> item.startsWith("p1")).toList()).isSorted();
            all.addAll(taken);
        }
        assertThat(all).hasSize(2 * perProducer).doesNotHaveDuplicates();
    }

    @Test
    void aWaitingConsumerThatCrashesLosesNothing() throws Exception {
        Participant doomed = participant("doomed");
        DistributedQueue first = new DistributedQueue(doomed, root + "/queue");
        Future<String> lost = inBackground(() -> first.take(deadline()));
        transcript.await("doomed", "waits for an item", deadline());
        crash(doomed);

        new DistributedQueue(participant("producer"), root + "/queue").offer("precious");
        assertThat(new DistributedQueue(participant("survivor"), root + "/queue").take(deadline())).isEqualTo("precious");
        lost.cancel(true);
    }

    @Test
    void anIdleConsumerIsNotWokenByAnotherQueue() throws Exception {
        DistributedQueue consumer = new DistributedQueue(participant("consumer"), root + "/jobs");
        Future<String> taken = inBackground(() -> consumer.take(deadline()));
        transcript.await("consumer", "waits for an item", deadline());
        DistributedQueue other = new DistributedQueue(participant("other"), root + "/mail");
        for (int i = 0; i < 5; i++) {
            other.offer("letter " + i);
        }
        new DistributedQueue(participant("producer"), root + "/jobs").offer("job");
        assertThat(result(taken)).isEqualTo("job");
        assertThat(consumer.wakeUps()).isEqualTo(1);
    }
}
