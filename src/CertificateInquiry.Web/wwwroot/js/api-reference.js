// The agency API reference page (/api/docs): Scalar reads the OpenAPI document the portal generates. No fonts or
// scripts from outside: the portal must work on a government intranet.
Scalar.createApiReference('#app', {
  url: '/openapi/v1.json',
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
});
