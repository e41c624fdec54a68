package com.spotfunnel.voice.admin;

import com.spotfunnel.voice.infra.testing.SchemaDocumentationContract;

class AdminSchemaDocumentationTest extends SchemaDocumentationContract {

    @Override
    protected String schema() {
        return "admin";
    }
}
