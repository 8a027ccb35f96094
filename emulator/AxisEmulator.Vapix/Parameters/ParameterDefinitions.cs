using System.Text;
using System.Xml;
using AxisEmulator.Vapix.Auth;

namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// <c>param.cgi?action=listdefinitions&amp;listformat=xmlschema</c> (DOC parameter-management,
/// param-api): <c>&lt;parameterDefinitions&gt;</c> with the model and firmware, then nested
/// <c>&lt;group name&gt;</c> elements from <c>root</c> down to <c>&lt;parameter name value
/// securityLevel niceName&gt;&lt;type&gt;…&lt;/type&gt;&lt;/parameter&gt;</c>. Axis keeps each
/// parameter's type and security digits in the firmware; here they follow the value and
/// <see cref="ParameterRules"/> ([E]), except the documented enumerations of <see cref="Enumerations"/>.
/// </summary>
public static class ParameterDefinitions
{
    public const string Namespace = "http://www.axis.com/ParameterDefinitionsSchema";

    public const string XmlContentType = "text/xml";

    /// <summary>Values of the parameters the emulator acts on, as the documentation lists them.</summary>
    public static IReadOnlyDictionary<string, string[]> Enumerations { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Network.BootProto"] = ["dhcp", "none"],
        ["Network.HTTP.AuthenticationPolicy"] = ["basic", "digest", "recommended", "both"],
    };

    /// <summary>The definitions of <paramref name="entries"/> (in param.cgi order) as the documented XML.</summary>
    public static string Render(ParameterTree tree, IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(entries);
        // Written as UTF-8 bytes so the declaration says utf-8 (a StringWriter would declare utf-16,
        // which XML parsers reading the UTF-8 body refuse).
        var bytes = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        using (var xml = XmlWriter.Create(bytes, settings))
        {
            xml.WriteStartElement("parameterDefinitions", Namespace);
            xml.WriteAttributeString("version", "1.0");
            xml.WriteElementString("model", Namespace, tree["Brand.ProdShortName"] ?? "");
            xml.WriteElementString("firmwareVersion", Namespace, tree["Properties.Firmware.Version"] ?? "");
            xml.WriteStartElement("group", Namespace);
            xml.WriteAttributeString("name", "root");
            var open = new List<string>();
            foreach (var (name, value) in entries)
            {
                var segments = name.Split('.');
                var shared = 0;
                while (shared < open.Count && shared < segments.Length - 1 && open[shared] == segments[shared])
                {
                    shared++;
                }

                for (; open.Count > shared; open.RemoveAt(open.Count - 1))
                {
                    xml.WriteEndElement();
                }

                for (var i = shared; i < segments.Length - 1; i++)
                {
                    xml.WriteStartElement("group", Namespace);
                    xml.WriteAttributeString("name", segments[i]);
                    open.Add(segments[i]);
                }

                WriteParameter(xml, name, segments[^1], value);
            }

            xml.WriteEndDocument(); // closes every open group
        }

        return Encoding.UTF8.GetString(bytes.ToArray()) + "\n";
    }

    /// <summary>Create, delete, read and write digits (0 anyone, 1 viewer, 4 operator, 6 admin, 7 nobody).</summary>
    public static string SecurityLevel(string name)
    {
        var write = ParameterRules.IsReadOnly(name) ? '7' : ParameterRules.WriteAccess(name) == AccessLevel.Admin ? '6' : '4';
        var dynamic = IsDynamic(name) ? write : '7';
        return new string([dynamic, dynamic, '1', write]);
    }

    private static void WriteParameter(XmlWriter xml, string name, string niceName, string value)
    {
        xml.WriteStartElement("parameter", Namespace);
        xml.WriteAttributeString("name", niceName);
        xml.WriteAttributeString("value", value);
        xml.WriteAttributeString("securityLevel", SecurityLevel(name));
        xml.WriteAttributeString("niceName", niceName);
        xml.WriteStartElement("type", Namespace);
        if (ParameterRules.IsReadOnly(name))
        {
            xml.WriteAttributeString("readonly", "true");
        }

        WriteType(xml, name, value);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteType(XmlWriter xml, string name, string value)
    {
        if (Enumerations.TryGetValue(name, out var entries))
        {
            xml.WriteStartElement("enum", Namespace);
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteAttributeString("value", entry);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }
        else if (value is "yes" or "no" or "true" or "false")
        {
            xml.WriteStartElement("bool", Namespace);
            xml.WriteAttributeString("true", value is "yes" or "no" ? "yes" : "true");
            xml.WriteAttributeString("false", value is "yes" or "no" ? "no" : "false");
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteElementString(value.Length > 0 && value.TrimStart('-').All(char.IsAsciiDigit) && value != "-" ? "int" : "string", Namespace, "");
        }
    }

    /// <summary>A member of an added group (<c>StreamProfile.S0.Name</c>): the group's letter and a number.</summary>
    private static bool IsDynamic(string name)
    {
        var segments = name.Split('.');
        return segments.Length > 2 && segments[1].Length > 1 && char.IsAsciiLetterUpper(segments[1][0])
            && segments[1][1..].All(char.IsAsciiDigit) && segments[1][0] == segments[0][0];
    }
}
