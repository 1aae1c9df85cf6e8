package io.switchboard.designer.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/** The page around every screen: server push, so that the desk and the supervisor view update live. */
@Push
public class AppShell implements AppShellConfigurator {}
