package com.spotfunnel.voice.dashboard;

import com.spotfunnel.voice.infra.testing.SchemaDocumentationContract;

class DashboardSchemaDocumentationTest extends SchemaDocumentationContract {

    @Override
    protected String schema() {
        return "dashboard";
    }
}
