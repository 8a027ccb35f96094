using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;

namespace AxisEmulator.Vapix.Mqtt;

/// <summary>
/// <c>/axis-cgi/mqtt/event.cgi</c>, the MQTT event bridge (id <c>event-mqtt-bridge</c> 1.2 in every
/// captured list): configureEventPublication and getEventPublicationConfig. The configuration is
/// kept and reported; nothing is published, as no broker is ever contacted. configureEventPublication
/// changes the members it is given and keeps the others. [E] access (administrator) and the factory
/// values (default topic prefix, event topic appended, namespaces included, no serial in the payload,
/// no filters).
/// </summary>
public static class MqttEventApi
{
    public const string Path = "/axis-cgi/mqtt/event.cgi";

    private static readonly string[] TopicPrefixes = ["default", "custom"];
    private static readonly string[] RetainModes = ["none", "property", "all"];

    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "event-mqtt-bridge",
        Layout = JsonLayout.Spaced,
        TrailingNewline = false,
        MethodEcho = MethodEcho.AfterContext,
        Errors = DeviceJsonErrors.Set,
        Versions = JsonApiSpec.OnEveryPersonality(new ApiVersion(1, 2)),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["configureEventPublication"] = AccessLevel.Admin,
            ["getEventPublicationConfig"] = AccessLevel.Admin,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };

    public static JsonObject Current(string? stored) => stored is not null ? (JsonObject)JsonNode.Parse(stored)! : Factory();

    /// <summary>getEventPublicationConfig data.</summary>
    public static JsonObject Report(string? stored) => new() { ["eventPublicationConfig"] = Current(stored) };

    /// <summary>configureEventPublication: the stored configuration with the given members changed, checked whole first.</summary>
    public static JsonObject Configure(DeviceJsonParams read, string? stored)
    {
        ArgumentNullException.ThrowIfNull(read);
        var config = Current(stored);
        if (read.OptionalString("topicPrefix") is { } prefix)
        {
            config["topicPrefix"] = TopicPrefixes.Contains(prefix) ? prefix : throw read.Invalid("topicPrefix");
        }

        if (MqttClientApi.Text(read, "customTopicPrefix", 0, 1024) is { } custom)
        {
            config["customTopicPrefix"] = custom;
        }

        if (config["topicPrefix"]!.GetValue<string>() == "custom" && config["customTopicPrefix"]!.GetValue<string>().Length == 0)
        {
            throw read.Missing("customTopicPrefix");
        }

        foreach (var name in new[] { "appendEventTopic", "includeTopicNamespaces", "includeSerialNumberInPayload" })
        {
            if (read.OptionalBool(name) is { } flag)
            {
                config[name] = flag;
            }
        }

        if (read.OptionalObjects("eventFilterList") is { } filters)
        {
            config["eventFilterList"] = new JsonArray([.. filters.Select(Filter)]);
        }

        return config;
    }

    private static JsonNode Filter(DeviceJsonParams filter)
    {
        var retain = filter.OptionalString("retain") ?? "none";
        return new JsonObject
        {
            ["topicFilter"] = MqttClientApi.Text(filter, "topicFilter", 1, 1024) ?? throw filter.Missing("topicFilter"),
            ["qos"] = filter.OptionalInt("qos", 0, 2) ?? 0,
            ["retain"] = RetainModes.Contains(retain) ? retain : throw filter.Invalid("retain"),
        };
    }

    private static JsonObject Factory() => new()
    {
        ["topicPrefix"] = "default",
        ["customTopicPrefix"] = "",
        ["appendEventTopic"] = true,
        ["includeTopicNamespaces"] = true,
        ["includeSerialNumberInPayload"] = false,
        ["eventFilterList"] = new JsonArray(),
    };
}
