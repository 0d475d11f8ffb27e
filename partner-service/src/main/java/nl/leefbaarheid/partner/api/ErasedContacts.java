package nl.leefbaarheid.partner.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ErasedContacts", description = "How many contact persons of the organisation were erased.")
public record ErasedContacts(@Schema(example = "3") int erased) {
}
