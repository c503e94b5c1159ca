package dev.glasshouse.console.web.view;

import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import dev.glasshouse.engine.console.ZnodeEntry;
import dev.glasshouse.engine.console.ZnodeTreeState;
import java.util.stream.Stream;

/**
 * Feeds the TreeGrid from the tree model's state and nothing else: a level shows what the model has
 * loaded for that path (already sorted and filtered). Loading is the model's job; the view asks for
 * it when the user expands a row. Rows are identified by path, so a reloaded level keeps its
 * expanded rows and selection.
 */
final class ZnodeDataProvider extends AbstractBackEndHierarchicalDataProvider<ZnodeEntry, Void> {
    private static final long serialVersionUID = 1L;

    private transient ZnodeTreeState state = ZnodeTreeState.EMPTY;

    void show(ZnodeTreeState next) {
        state = next;
        refreshAll();
    }

    @Override
    public int getChildCount(HierarchicalQuery<ZnodeEntry, Void> query) {
        return state.childrenOf(pathOf(query.getParent())).size();
    }

    @Override
    public boolean hasChildren(ZnodeEntry item) {
        return item.numChildren() > 0;
    }

    @Override
    protected Stream<ZnodeEntry> fetchChildrenFromBackEnd(HierarchicalQuery<ZnodeEntry, Void> query) {
        return state.childrenOf(pathOf(query.getParent())).stream().skip(query.getOffset()).limit(query.getLimit());
    }

    @Override
    public Object getId(ZnodeEntry item) {
        return item.path();
    }

    private static String pathOf(ZnodeEntry parent) {
        return parent == null ? "/" : parent.path();
    }
}
