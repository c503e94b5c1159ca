package dev.glasshouse.console.web.view;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.glasshouse.console.web.security.Roles;

/** The frame around every view: title, who is logged in and with which role, logout, side navigation. */
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        H1 title = new H1("Glasshouse");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        String user = authentication.getPrincipalName().orElse("");
        Span who = new Span(user + (authentication.hasRole(Roles.OPERATOR) ? " (operator)" : " (viewer, read-only)"));
        who.setId("current-user");
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, who, logout);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Browse", BrowseView.class, VaadinIcon.FILE_TREE.create()));
        nav.addItem(new SideNavItem("Connections", ConnectionsView.class, VaadinIcon.CONNECT.create()));
        nav.addItem(new SideNavItem("Audit trail", AuditView.class, VaadinIcon.RECORDS.create()));
        addToDrawer(nav);
    }
}
