using System.Globalization;
using System.Net;
using System.Text;

namespace Radiomics.Display;

/// <summary>Renders rows of cells as an HTML table fragment (encoded text, numbers right-aligned), capped in rows.</summary>
public static class HtmlTable
{
    public static string Render(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, int totalRows, int maxRows = 50)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var html = new StringBuilder("<table class=\"radiomics-table\">\n<thead><tr>");
        foreach (var c in columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        int shown = 0;
        foreach (var row in rows)
        {
            if (shown++ == maxRows)
            {
                break;
            }

            html.Append("<tr>");
            foreach (var cell in row)
            {
                if (cell is double d)
                {
                    html.Append("<td style=\"text-align: right\">").Append(d.ToString("G6", CultureInfo.InvariantCulture)).Append("</td>");
                }
                else
                {
                    html.Append("<td>").Append(WebUtility.HtmlEncode(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "")).Append("</td>");
                }
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (totalRows > maxRows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{maxRows} of {totalRows} rows shown.</p>\n");
        }

        return html.ToString();
    }
}
