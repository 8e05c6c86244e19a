/// The demo page's files (`Demo/`), embedded at build time by the EmbedResources plugin.
enum DemoAssets {}
