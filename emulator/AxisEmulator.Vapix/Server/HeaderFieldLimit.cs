using Microsoft.AspNetCore.Http;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// Apache's LimitRequestFieldSize (8190 bytes by default): a header line longer than that is refused
/// with 400 before any CGI runs. Kestrel only limits the headers' total, so the device checks each line.
/// </summary>
internal static class HeaderFieldLimit
{
    public const int MaxFieldBytes = 8190;

    public static bool Exceeded(IHeaderDictionary headers)
    {
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                // "Name: value" as it was on the wire, the CRLF not counted (as Apache counts it).
                if (name.Length + 2 + (value?.Length ?? 0) > MaxFieldBytes)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
