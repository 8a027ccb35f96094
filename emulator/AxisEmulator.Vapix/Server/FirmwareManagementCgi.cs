using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// <c>/axis-cgi/firmwaremanagement.cgi</c> (vapix-facts §6): status, upgrade (multipart: the first part
/// is the JSON, the second the image, whatever their names), commit, rollback, purge, factoryDefault,
/// reboot, stopAuto. Administrator only. Mutating calls are one at a time per device (else 423).
/// </summary>
internal static class FirmwareManagementCgi
{
    private const int MaxJsonPartBytes = 64 * 1024;

    public static async Task<Reply> HandleAsync(VapixExchange exchange)
    {
        var spec = FirmwareManagementApi.Spec;
        var personality = exchange.View.Personality;

        // Every method needs an administrator: check before reading what may be a large upload.
        if (exchange.Authorize(spec.RequiredAccess(null, personality), json: true) is { } refusal)
        {
            return refusal;
        }

        if (!exchange.IsPost)
        {
            return Reply.From(JsonApiCall.Parse(spec, personality, null).Fail(JsonCgis.OnlyPost(spec)));
        }

        Upload? upload = null;
        string? json;
        if (MultipartBoundary(exchange) is { } boundary)
        {
            upload = await ReadUploadAsync(exchange, boundary);
            json = upload?.Json;
        }
        else
        {
            json = await exchange.BodyAsync();
        }

        var call = JsonApiCall.Parse(spec, personality, json);
        if (upload is null && MultipartBoundary(exchange) is not null)
        {
            return Reply.From(call.Fail(FirmwareManagementErrors.BadRequest));
        }

        if (call.Rejection is { } rejection)
        {
            return Reply.From(rejection);
        }

        var device = exchange.Device;
        var mutating = call.Method is "upgrade" or "commit" or "rollback" or "purge" or "factoryDefault" or "reboot" or "stopAuto";
        if (mutating && !device.TryEnterFirmwareRequest())
        {
            return Reply.From(call.Fail(FirmwareManagementErrors.Busy));
        }

        try
        {
            return call.Method switch
            {
                "status" => Reply.From(call.Success(Status(exchange.Camera))),
                "upgrade" => Upgrade(exchange, call, upload),
                "commit" => Commit(exchange.Camera, call),
                "rollback" => Rollback(exchange.Camera, call),
                "purge" => Purge(exchange.Camera, call),
                "factoryDefault" => FactoryDefault(exchange.Camera, call, json),
                "reboot" => Reply.From(call.Success(new JsonObject())).Then(() => exchange.Camera.Restart()),
                "stopAuto" => Reply.From(call.Success(new JsonObject())),
                JsonApiSpec.GetSupportedVersions => Reply.From(call.SupportedVersions()),
                _ => Reply.From(call.UnknownMethod()),
            };
        }
        finally
        {
            if (mutating)
            {
                device.ExitFirmwareRequest();
            }
        }
    }

    private static JsonObject Status(Device camera)
    {
        var banks = camera.ReadConfig(c => c.Firmware);
        var data = new JsonObject
        {
            ["activeFirmwareVersion"] = banks.ActiveVersion,
            ["activeFirmwarePart"] = FirmwarePart(banks.ActiveVersion),
        };
        if (banks.InactiveVersion is { } inactive)
        {
            data["inactiveFirmwareVersion"] = inactive;
            data["isCommited"] = banks.Committed; // sic, as documented
        }

        if (camera.TimeToRollback is { } left)
        {
            data["timeToRollback"] = (long)Math.Max(0, left.TotalSeconds);
        }

        return data;
    }

    /// <summary>A stable stand-in for the flash partition id the device reports (12.11: <c>"7454651131"</c>).</summary>
    private static string FirmwarePart(string version)
    {
        var hash = 2166136261u;
        foreach (var c in version)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (7_000_000_000L + (hash % 1_000_000_000L)).ToString(CultureInfo.InvariantCulture);
    }

    private static Reply Upgrade(VapixExchange exchange, JsonApiCall call, Upload? upload)
    {
        if (upload?.ImageHead is not { } head)
        {
            return Reply.From(call.Fail(upload is null ? FirmwareManagementErrors.BadRequest : FirmwareManagementErrors.InvalidImage));
        }

        var parameters = call.Request?.Params;
        if (!TryUpgradeOptions(parameters, out var options, out var factoryDefault))
        {
            return Reply.From(call.Fail(FirmwareManagementErrors.BadRequest));
        }

        if (!EmulatedFirmwareImage.TryParse(head, out var image))
        {
            // A real device answers 421 to a binary it cannot use (captured with dummy bytes).
            return Reply.From(call.Fail(FirmwareManagementErrors.ImageMismatch));
        }

        var camera = exchange.Camera;
        if (IsDowngrade(camera, image) && factoryDefault != FactoryDefaultMode.Hard && RestrictsDowngrade(camera.Profile))
        {
            return Reply.From(call.Fail(FirmwareManagementErrors.DowngradeNeedsHardReset));
        }

        var rejection = camera.StartUpgrade(image, options);
        if (rejection != UpgradeRejection.None)
        {
            return Reply.From(call.Fail(rejection switch
            {
                UpgradeRejection.ModelMismatch => FirmwareManagementErrors.ImageMismatch,
                UpgradeRejection.ActiveUncommitted => FirmwareManagementErrors.NotCommitted,
                UpgradeRejection.MissingSignature => FirmwareManagementErrors.MissingSignature,
                _ => FirmwareManagementErrors.Busy,
            }));
        }

        if (factoryDefault is { } mode)
        {
            // [E] the settings are reset as the upgrade starts rather than on the new image's first boot.
            camera.UpdateConfig(config => (config.AfterFactoryDefault(mode), 0), $"firmware upgrade with factory default ({mode.ToString().ToLowerInvariant()})");
        }

        return Reply.From(call.Success(new JsonObject { ["firmwareVersion"] = image.Version }));
    }

    private static Reply Commit(Device camera, JsonApiCall call)
    {
        camera.CommitFirmware(); // no-op when already committed
        return Reply.From(call.Success(new JsonObject { ["firmwareVersion"] = camera.ReadConfig(c => c.Firmware.ActiveVersion) }));
    }

    private static Reply Rollback(Device camera, JsonApiCall call) =>
        camera.ReadConfig(c => c.Firmware.InactiveVersion) is null || camera.FirmwareState == BankState.Flashing
            ? Reply.From(call.Fail(FirmwareManagementErrors.NoOldFirmware))
            : Reply.From(call.Success(new JsonObject())).Then(() => camera.RollbackFirmware());

    private static Reply Purge(Device camera, JsonApiCall call)
    {
        if (camera.FirmwareState is BankState.PendingCommit or BankState.Flashing)
        {
            return Reply.From(call.Fail(FirmwareManagementErrors.NotCommitted));
        }

        camera.PurgeFirmware(); // nothing to purge is not an error
        return Reply.From(call.Success(new JsonObject()));
    }

    /// <summary>
    /// <c>{"params":{"factoryDefaultMode":"soft|hard"}}</c>, default soft. Scripts in the field put the
    /// mode at the top level or misspell it; anything but <c>hard</c> is soft (vapix-facts §6).
    /// </summary>
    private static Reply FactoryDefault(Device camera, JsonApiCall call, string? json)
    {
        var mode = JsonApiRequest.ScalarText(call.Request?.Params?["factoryDefaultMode"]) ?? JsonApiRequest.ScalarText(TopLevel(json, "factoryDefaultMode"));
        var hard = string.Equals(mode, "hard", StringComparison.OrdinalIgnoreCase);
        return Reply.From(call.Success(new JsonObject()))
            .Then(() => camera.FactoryDefault(hard ? FactoryDefaultMode.Hard : FactoryDefaultMode.Soft));
    }

    private static bool TryUpgradeOptions(JsonObject? parameters, out UpgradeOptions options, out FactoryDefaultMode? factoryDefault)
    {
        options = UpgradeOptions.Default;
        factoryDefault = null;
        var mode = JsonApiRequest.ScalarText(parameters?["factoryDefaultMode"]);
        switch (mode)
        {
            case null or "none":
                break;
            case "soft":
                factoryDefault = FactoryDefaultMode.Soft;
                break;
            case "hard":
                factoryDefault = FactoryDefaultMode.Hard;
                break;
            default:
                return false;
        }

        var autoCommit = JsonApiRequest.ScalarText(parameters?["autoCommit"]) switch
        {
            null or "default" or "boot" or "started" => AutoCommit.Boot,
            "never" => AutoCommit.Never,
            _ => (AutoCommit?)null,
        };
        if (autoCommit is null)
        {
            return false;
        }

        TimeSpan? rollback = null;
        switch (JsonApiRequest.ScalarText(parameters?["autoRollback"]))
        {
            case null or "default":
                break;
            case "never":
                rollback = TimeSpan.FromDays(365 * 100); // [E] the device keeps waiting for a commit
                break;
            case var minutes when int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 24 * 60 * 365:
                rollback = TimeSpan.FromMinutes(m);
                break;
            default:
                return false;
        }

        options = new UpgradeOptions(autoCommit.Value, rollback);
        return true;
    }

    private static bool IsDowngrade(Device camera, FirmwareImage image) =>
        FirmwareVersion.TryParse(image.Version, out var next)
        && FirmwareVersion.TryParse(camera.ReadConfig(c => c.Firmware.ActiveVersion), out var current)
        && next < current;

    /// <summary>ARTPEC-8 units refuse a downgrade without a hard factory default (CVE-2023-21414; OADM Firmware README).</summary>
    private static bool RestrictsDowngrade(HardwareProfile profile) =>
        profile.Firmware.Soc.Contains("Artpec-8", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? TopLevel(string? json, string name)
    {
        try
        {
            return JsonNode.Parse(json ?? "") is JsonObject root ? root[name] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? MultipartBoundary(VapixExchange exchange) =>
        MediaTypeHeaderValue.TryParse(exchange.Http.Request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 and <= 200 } boundary
            ? boundary
            : null;

    /// <summary>
    /// Streams the upload: the first part's text is the JSON, the second part's first bytes are kept
    /// (the header of an emulated image) and the rest is drained. Null when the body is not valid multipart.
    /// </summary>
    private static Task<Upload?> ReadUploadAsync(VapixExchange exchange, string boundary)
    {
        exchange.Http.Items[VapixExchange.BodyReadKey] = true;
        return ReadUploadAsync(exchange.Http.Request.Body, boundary, exchange.Aborted);
    }

    /// <summary>The upload's parts from <paramref name="body"/> (see above); throws only <see cref="BodyTooLargeException"/> (the fuzz target's contract too).</summary>
    internal static async Task<Upload?> ReadUploadAsync(Stream body, string boundary, CancellationToken aborted)
    {
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        try
        {
            var first = await reader.ReadNextSectionAsync(aborted);
            if (first is null)
            {
                return null;
            }

            var jsonBytes = await ReadAtMostAsync(first.Body, MaxJsonPartBytes + 1, aborted);
            if (jsonBytes.Length > MaxJsonPartBytes)
            {
                throw new BodyTooLargeException();
            }

            byte[]? head = null;
            var second = await reader.ReadNextSectionAsync(aborted);
            if (second is not null)
            {
                head = await ReadAtMostAsync(second.Body, EmulatedFirmwareImage.MaxHeaderBytes, aborted);
                await second.Body.CopyToAsync(Stream.Null, aborted);
                head = head.Length == 0 ? null : head;
                while (await reader.ReadNextSectionAsync(aborted) is { } extra)
                {
                    await extra.Body.CopyToAsync(Stream.Null, aborted);
                }
            }

            return new Upload(Encoding.UTF8.GetString(jsonBytes).Trim(), head, second is not null);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == Microsoft.AspNetCore.Http.StatusCodes.Status413PayloadTooLarge)
        {
            // Past the listener's body limit (DeviceServerLimits): Apache's 413, not a malformed upload.
            throw new BodyTooLargeException("The upload is larger than the device accepts.", ex);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit];
        var total = 0;
        int read;
        while (total < limit && (read = await stream.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }

    /// <param name="Json">Text of the first part.</param>
    /// <param name="ImageHead">First bytes of the second part; null when it is missing or empty.</param>
    /// <param name="HasImagePart">Whether a second part was sent at all.</param>
    internal sealed record Upload(string Json, byte[]? ImageHead, bool HasImagePart);
}
