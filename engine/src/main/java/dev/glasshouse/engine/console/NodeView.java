package dev.glasshouse.engine.console;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Stat;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/**
 * What the node panel shows, immutable: the node's data rendered in the chosen format and
 * charset, its Stat explained, its ACL, whether it may be edited, and any conflict or problem.
 */
public record NodeView(String path, boolean loading, Optional<Stat> stat, List<StatRow> statRows, List<Acl> acl,
                       DataFormat format, Charset charset, RenderedData rendered, boolean editable,
                       Optional<Conflict> conflict, Optional<Problem> problem) {
}
