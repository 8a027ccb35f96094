using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary><c>- vapix: { scheme, method, path, body, contentType, user, password, connectTimeout, expect: { status, contains, contentType, refused } }</c>.</summary>
internal sealed partial class ScenarioReader
{
    private VapixStep? VapixStep(YScalar key, YNode value)
    {
        if (Arguments(value, "vapix", "{ method: GET, path: /axis-cgi/systemready.cgi }") is not { } fields)
        {
            return null;
        }

        var ok = fields.AllowOnly(["scheme", "method", "path", "body", "contentType", "user", "password", "connectTimeout", "expect"]);
        var scheme = ScenarioVapixRequest.Http;
        if (fields.Has("scheme"))
        {
            var text = fields.OneOf("scheme", [ScenarioVapixRequest.Http, ScenarioVapixRequest.Https]);
            ok &= text is not null;
            scheme = text ?? scheme;
        }

        TimeSpan? connectTimeout = null;
        if (fields.Has("connectTimeout"))
        {
            connectTimeout = Duration(fields, "connectTimeout")?.Value;
            ok &= connectTimeout is not null;
            if (connectTimeout is { } t && (t <= TimeSpan.Zero || t > HttpScenarioVapixClient.RequestTimeout))
            {
                Error(fields.Node("connectTimeout")!.Line, $"'vapix.connectTimeout' must be above 0 and at most {HttpScenarioVapixClient.RequestTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}s, got {fields.Text("connectTimeout")}");
                ok = false;
            }
        }

        var method = "GET";
        if (fields.Node("method") is { } methodNode)
        {
            var text = fields.Text("method")?.ToUpperInvariant();
            if (text is not null && !VapixMethods.Contains(text))
            {
                Error(methodNode.Line, $"'vapix.method' must be one of {string.Join(", ", VapixMethods)}; got {methodNode.Describe()}");
                text = null;
            }

            ok &= text is not null;
            method = text ?? method;
        }

        var path = fields.Has("path") ? fields.Text("path") : Missing<string>(key.Line, "vapix", "path", "e.g. path: /axis-cgi/systemready.cgi");
        if (path is not null && !path.StartsWith('/'))
        {
            Error(fields.Node("path")!.Line, $"'vapix.path' must start with '/', got '{path}'");
            path = null;
        }
        else if (path is not null && path.Length > 1 && path[1] is '/' or '\\')
        {
            // "//host/x" (and "/\host/x", which URL parsers read the same) names another host: a scenario talks only to its own devices.
            Error(fields.Node("path")!.Line, $"'vapix.path' must start with a single '/' (a path on the device), got '{path}': '//' would name another host");
            path = null;
        }

        var body = fields.Text("body");
        var contentType = fields.Text("contentType");
        var user = fields.Text("user");
        var password = fields.Text("password");
        ok &= Present(fields, "body", body) & Present(fields, "contentType", contentType) & Present(fields, "user", user) & Present(fields, "password", password);
        if (password is not null && !fields.Has("user"))
        {
            ok = false;
            Error(fields.Node("password")!.Line, "'vapix.password' needs 'user' too");
        }

        var expect = new VapixExpectation();
        if (fields.Has("expect"))
        {
            var expected = VapixExpect(fields);
            ok &= expected is not null;
            expect = expected ?? expect;
        }

        if (body is not null && contentType is null)
        {
            var trimmed = body.TrimStart();
            contentType = trimmed.StartsWith('{') || trimmed.StartsWith('[') ? "application/json" : "application/x-www-form-urlencoded";
        }

        return ok && path is not null
            ? new VapixStep(key.Line, new ScenarioVapixRequest(method, path, body, contentType, user, password, scheme, connectTimeout), expect)
            : null;
    }

    /// <summary><c>expect: { status: 401, contains: [Error, initial], contentType: text/html }</c>.</summary>
    private VapixExpectation? VapixExpect(YamlFields vapix)
    {
        if (vapix.Fields("expect", "{ status: 200, contains: \"systemready\" }") is not { } fields)
        {
            return null;
        }

        var ok = fields.AllowOnly(["status", "contains", "contentType", "refused"]);
        var expect = new VapixExpectation();
        if (fields.Has("refused"))
        {
            var refused = fields.Boolean("refused");
            ok &= refused is not null;
            if (refused == true && (fields.Has("status") || fields.Has("contains") || fields.Has("contentType")))
            {
                Error(fields.Node("refused")!.Line, "'vapix.expect.refused: true' expects no answer: it cannot go with status, contains or contentType");
                ok = false;
            }

            expect = expect with { Refused = refused ?? false };
        }

        if (fields.Has("status"))
        {
            var status = fields.Integer("status", NumberRange.Between(100, 599));
            ok &= status is not null;
            expect = expect with { Status = status ?? 200 };
        }

        if (fields.Node("contains") is { } containsNode)
        {
            var path = fields.PathOf("contains");
            var texts = containsNode is YSequence list
                ? list.Items.Select(i => YamlValues.Text(i, path, errors)).ToList()
                : [YamlValues.Text(containsNode, path, errors)];
            ok &= texts.All(t => t is not null);
            expect = expect with { Contains = texts.OfType<string>().ToList() };
        }

        var contentType = fields.Text("contentType");
        ok &= Present(fields, "contentType", contentType);
        expect = expect with { ContentType = contentType };
        return ok ? expect : null;
    }
}
