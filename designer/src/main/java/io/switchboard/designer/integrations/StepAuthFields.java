package io.switchboard.designer.integrations;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A step's authentication. Secrets are typed into password fields and never filled back in: a
 * stored secret shows as "stored", and an empty field keeps it.
 */
final class StepAuthFields extends FormLayout {
  private final Select<String> kind = new Select<>();
  private final TextField name = new TextField("Header or parameter name");
  private final Select<String> in = new Select<>();
  private final PasswordField value = new PasswordField("Key or token");
  private final TextField username = new TextField("User name");
  private final PasswordField password = new PasswordField("Password");
  private final TextField tokenUrl = new TextField("Token URL");
  private final TextField clientId = new TextField("Client id");
  private final PasswordField clientSecret = new PasswordField("Client secret");
  private final TextField scope = new TextField("Scope");

  /** @param id the id of the form; its fields' ids start with it: {@code <id>-kind}, {@code <id>-value}, … */
  StepAuthFields(String id) {
    setId(id);
    kind.setLabel("Authentication");
    kind.setItems("none", "api-key", "bearer", "basic", "oauth2");
    kind.setItemLabelGenerator(k -> switch (k) {
      case "api-key" -> "API key";
      case "bearer" -> "Bearer token";
      case "basic" -> "Basic (user and password)";
      case "oauth2" -> "OAuth2 client credentials";
      default -> "None";
    });
    kind.setId(id + "-kind");
    in.setLabel("Sent in");
    in.setItems("header", "query");
    in.setId(id + "-in");
    name.setId(id + "-name");
    value.setId(id + "-value");
    username.setId(id + "-username");
    password.setId(id + "-password");
    tokenUrl.setId(id + "-token-url");
    clientId.setId(id + "-client-id");
    clientSecret.setId(id + "-client-secret");
    scope.setId(id + "-scope");
    kind.addValueChangeListener(e -> showFor(e.getValue()));
    add(kind, name, in, value, username, password, tokenUrl, clientId, clientSecret, scope);
    show(null, List.of());
  }

  /** Fills the fields from a stored authentication (which has no secrets) and the names of the secrets stored. */
  void show(JsonNode auth, List<String> secretsStored) {
    JsonNode a = auth == null ? JsonNodeFactory.instance.objectNode() : auth;
    kind.setValue(a.path("kind").asString("none"));
    name.setValue(a.path("name").asString(""));
    in.setValue(a.path("in").asString("header"));
    username.setValue(a.path("username").asString(""));
    tokenUrl.setValue(a.path("tokenUrl").asString(""));
    clientId.setValue(a.path("clientId").asString(""));
    scope.setValue(a.path("scope").asString(""));
    secret(value, secretsStored.contains("value"));
    secret(password, secretsStored.contains("password"));
    secret(clientSecret, secretsStored.contains("clientSecret"));
    showFor(kind.getValue());
  }

  private static void secret(PasswordField field, boolean stored) {
    field.clear();
    field.setPlaceholder(stored ? "stored; type to replace" : "");
    field.setHelperText(stored ? "A secret is stored and is never shown again" : null);
  }

  private void showFor(String k) {
    String current = k == null ? "none" : k;
    name.setVisible(current.equals("api-key"));
    in.setVisible(current.equals("api-key"));
    value.setVisible(current.equals("api-key") || current.equals("bearer"));
    value.setLabel(current.equals("bearer") ? "Token" : "API key");
    username.setVisible(current.equals("basic"));
    password.setVisible(current.equals("basic"));
    tokenUrl.setVisible(current.equals("oauth2"));
    clientId.setVisible(current.equals("oauth2"));
    clientSecret.setVisible(current.equals("oauth2"));
    scope.setVisible(current.equals("oauth2"));
  }

  /** The authentication as the API takes it; a secret left empty is left out, so the stored one is kept. */
  ObjectNode value() {
    ObjectNode auth = JsonNodeFactory.instance.objectNode();
    String k = kind.getValue() == null ? "none" : kind.getValue();
    auth.put("kind", k);
    switch (k) {
      case "api-key" -> {
        put(auth, "name", name);
        auth.put("in", in.getValue());
        put(auth, "value", value);
      }
      case "bearer" -> put(auth, "value", value);
      case "basic" -> {
        put(auth, "username", username);
        put(auth, "password", password);
      }
      case "oauth2" -> {
        put(auth, "tokenUrl", tokenUrl);
        put(auth, "clientId", clientId);
        put(auth, "clientSecret", clientSecret);
        put(auth, "scope", scope);
      }
      default -> { }
    }
    return auth;
  }

  private static void put(ObjectNode node, String key, TextFieldBase<?, String> field) {
    if (!field.getValue().isBlank()) {
      node.put(key, field.getValue().strip());
    }
  }
}
