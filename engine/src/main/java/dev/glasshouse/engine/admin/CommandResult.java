package dev.glasshouse.engine.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of one AdminServer command before it becomes JSON: the command's own fields, the
 * error text (absent on success) and the HTTP status, which ZooKeeper keeps at 200 except for
 * authentication failures.
 */
record CommandResult(Map<String, Object> fields, String error, int httpStatus) {

    static CommandResult ok(Map<String, Object> fields) {
        return new CommandResult(fields, null, 200);
    }

    static CommandResult failed(String error, int httpStatus) {
        return new CommandResult(Map.of(), error, httpStatus);
    }

    /** The JSON object ZooKeeper sends: the fields, then {@code command} and {@code error}. */
    Map<String, Object> toJson(String command) {
        Map<String, Object> json = new LinkedHashMap<>(fields);
        json.put("command", command);
        json.put("error", error);
        return json;
    }
}
