using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;

namespace AxisEmulator.Vapix.Mqtt;

/// <summary>
/// <c>/axis-cgi/mqtt/client.cgi</c> (id <c>mqtt-client</c>: 1.5 on 10.12, 1.6 on 11.11 and 12.9,
/// captured lists): configureClient, activateClient, deactivateClient, getClientStatus, as the vendor
/// documentation lists them. The emulator never contacts a broker, so <c>connectionStatus</c> is
/// always "disconnected": an activated client is "active" and stays disconnected, which is what a
/// real device reports while its broker is unreachable. The password is checked and dropped, never
/// stored nor reported. [E] access (administrator), the limits, and defaults not in the docs
/// (keepAliveInterval and connectTimeout 60, cleanSession and autoReconnect on).
/// </summary>
public static class MqttClientApi
{
    public const string Path = "/axis-cgi/mqtt/client.cgi";

    private static readonly string[] Protocols = ["tcp", "ssl", "ws", "wss"];

    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "mqtt-client",
        Layout = JsonLayout.Spaced,
        TrailingNewline = false,
        MethodEcho = MethodEcho.AfterContext,
        Errors = DeviceJsonErrors.Set,
        Versions = JsonApiSpec.PerPersonality(os10: "1.5", os11: "1.6", os12: "1.6"),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["configureClient"] = AccessLevel.Admin,
            ["activateClient"] = AccessLevel.Admin,
            ["deactivateClient"] = AccessLevel.Admin,
            ["getClientStatus"] = AccessLevel.Admin,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };

    /// <summary>getClientStatus data: the configuration (the factory one until configured) and the status.</summary>
    public static JsonObject Status(string? storedConfig, bool active, string serial) => new()
    {
        ["status"] = new JsonObject
        {
            ["state"] = active ? "active" : "inactive",
            ["connectionStatus"] = "disconnected", // no broker is ever contacted
        },
        ["config"] = storedConfig is not null ? JsonNode.Parse(storedConfig) : Factory(serial),
    };

    /// <summary>configureClient: the whole configuration, checked before anything is stored; returns it as reported.</summary>
    public static JsonObject Configure(DeviceJsonParams read, string serial)
    {
        ArgumentNullException.ThrowIfNull(read);
        var config = Defaults(serial);
        config["server"] = Server(read.Object("server"));
        foreach (var name in new[] { "activateOnReboot", "autoReconnect", "cleanSession" })
        {
            if (read.OptionalBool(name) is { } flag)
            {
                config[name] = flag;
            }
        }

        config["keepAliveInterval"] = read.OptionalInt("keepAliveInterval", 1, 65535) ?? 60;
        config["connectTimeout"] = read.OptionalInt("connectTimeout", 1, 65535) ?? 60;
        config["clientId"] = Text(read, "clientId", 0, 1024) ?? "";
        config["deviceTopicPrefix"] = Text(read, "deviceTopicPrefix", 0, 1024) ?? config["deviceTopicPrefix"]!.GetValue<string>();
        if (Text(read, "username", 0, 255) is { } username)
        {
            config["username"] = username;
        }

        _ = Text(read, "password", 0, 255); // checked, then dropped: nothing would ever use it
        _ = read.OptionalBool("keepExistingPassword");
        foreach (var name in new[] { "connectMessage", "disconnectMessage", "lastWillTestament" })
        {
            if (read.OptionalObject(name) is { } message)
            {
                config[name] = Message(message);
            }
        }

        if (read.OptionalObject("ssl") is { } ssl)
        {
            var reported = new JsonObject { ["validateServerCert"] = ssl.Bool("validateServerCert") };
            foreach (var name in new[] { "CACertID", "clientCertID" })
            {
                if (Text(ssl, name, 0, 255) is { } id)
                {
                    reported[name] = id;
                }
            }

            config["ssl"] = reported;
        }

        return config;
    }

    private static JsonObject Factory(string serial)
    {
        var config = Defaults(serial);
        config["server"] = new JsonObject { ["host"] = "", ["protocol"] = "tcp", ["port"] = 1883 };
        return config;
    }

    private static JsonObject Defaults(string serial) => new()
    {
        ["activateOnReboot"] = true,
        ["autoReconnect"] = true,
        ["cleanSession"] = true,
        ["keepAliveInterval"] = 60,
        ["connectTimeout"] = 60,
        ["clientId"] = "",
        ["deviceTopicPrefix"] = $"axis/{serial}",
    };

    private static JsonObject Server(DeviceJsonParams server)
    {
        var host = Text(server, "host", 1, 255) ?? throw server.Missing("host");
        var protocol = server.OptionalString("protocol") ?? "tcp";
        if (!Protocols.Contains(protocol))
        {
            throw server.Invalid("protocol");
        }

        var reported = new JsonObject
        {
            ["host"] = host,
            ["protocol"] = protocol,
            ["port"] = server.OptionalInt("port", 1, 65535) ?? protocol switch { "ssl" => 8883, "ws" => 80, "wss" => 443, _ => 1883 },
        };
        foreach (var name in new[] { "basepath", "alpnProtocol" })
        {
            if (Text(server, name, 0, 255) is { } value)
            {
                reported[name] = value;
            }
        }

        return reported;
    }

    /// <summary>A connect, disconnect or last-will message: with <c>useDefault</c> false, topic, message, retain and qos are all required.</summary>
    private static JsonObject Message(DeviceJsonParams message)
    {
        var useDefault = message.Bool("useDefault");
        if (useDefault)
        {
            return new JsonObject { ["useDefault"] = true };
        }

        return new JsonObject
        {
            ["useDefault"] = false,
            ["topic"] = Text(message, "topic", 1, 1024) ?? throw message.Missing("topic"),
            ["message"] = Text(message, "message", 0, 65535) ?? throw message.Missing("message"),
            ["retain"] = message.Bool("retain"),
            ["qos"] = message.Int("qos", 0, 2),
        };
    }

    internal static string? Text(DeviceJsonParams read, string name, int minLength, int maxLength) =>
        read.OptionalString(name) is not { } text ? null
        : text.Length >= minLength && text.Length <= maxLength && !text.Any(char.IsControl) ? text
        : throw read.Invalid(name);
}
