package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.ResponseBody;
import java.util.function.Function;

/** A call ready to submit and how to turn its reply body into what the application gets. Immutable. */
record Request<T>(Call call, Function<ResponseBody, T> result) {
}
