// A file rather than an inline script, so the page's Content-Security-Policy can forbid inline scripts.
window.ui = SwaggerUIBundle({url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true});
