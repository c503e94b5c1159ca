package dev.glasshouse.samples.demo;

import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.group.NamingService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/** Participants register names at the same time and still all get different ids. */
final class NamingDemo implements Demo {

    @Override
    public void run(Stage stage) throws Exception {
        String path = stage.freshRoot("naming") + "/ids";
        List<Future<List<Long>>> runs = new ArrayList<>();
        for (int i = 0; i < stage.participants(); i++) {
            Participant p = stage.join(Stage.nameOf(i));
            runs.add(stage.inBackground(() -> {
                NamingService names = new NamingService(p, path);
                List<Long> ids = new ArrayList<>();
                for (String service : List.of("printer", "scanner")) {
                    ids.add(names.register(p.name() + "-" + service));
                    stage.pause();
                }
                return ids;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> run : runs) {
            all.addAll(Stage.await(run));
        }
        NamingService reader = new NamingService(stage.join("reader"), path);
        for (long id : all.stream().sorted().toList()) {
            stage.say("id " + id + " -> " + reader.lookup(id).orElse("?"));
        }
    }
}
