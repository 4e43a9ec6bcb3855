/// Areas of social planning (sozialraeume.yaml, sozialraeume.geojson) and references to them.
extension Message {
    public static let sozialraumId = Message(de: "Sozialraum-id", en: "Sozialraum id")

    public static func sozialraumUnknown(_ id: String, suggestion: String?) -> Message {
        Message(de: "den Sozialraum '\(id)' gibt es nicht in sozialraeume.yaml",
                en: "Sozialraum '\(id)' not found in sozialraeume.yaml") + didYouMean(suggestion)
    }

    public static func sozialraeumeFileMissing(_ id: String) -> Message {
        Message(de: "der Sozialraum '\(id)' wird genannt, aber es gibt keine Datei sozialraeume.yaml",
                en: "Sozialraum '\(id)' is named, but there is no file sozialraeume.yaml")
    }
}

/// The boundaries file (sozialraeume.geojson).
extension Message {
    public static let geoJSONNotFeatureCollection = Message(
        de: "sozialraeume.geojson ist keine GeoJSON-FeatureCollection (erwartet: {\"type\": \"FeatureCollection\", \"features\": […]})",
        en: "sozialraeume.geojson is no GeoJSON FeatureCollection (expected: {\"type\": \"FeatureCollection\", \"features\": […]})")
    public static let geoJSONFeatureWithoutId = Message(
        de: "ein Feature hat keine Eigenschaft \"id\" (die id des Sozialraums aus sozialraeume.yaml)",
        en: "a feature has no property \"id\" (the Sozialraum's id from sozialraeume.yaml)")
    public static func geoJSONIdTwice(_ id: String) -> Message {
        Message(de: "der Sozialraum '\(id)' hat mehr als ein Feature; fassen Sie die Flächen als MultiPolygon zusammen",
                en: "Sozialraum '\(id)' has more than one feature; join its parts into one MultiPolygon")
    }
    public static func geoJSONGeometryType(_ id: String, _ type: String) -> Message {
        Message(de: "die Grenze von '\(id)' ist vom Typ '\(type)'; erlaubt sind Polygon und MultiPolygon",
                en: "the boundary of '\(id)' is of type '\(type)'; allowed are Polygon and MultiPolygon")
    }
    public static func geoJSONBadCoordinates(_ id: String) -> Message {
        Message(de: "die Koordinaten von '\(id)' sind unvollständig: jeder Ring braucht mindestens vier Punkte aus je zwei Zahlen",
                en: "the coordinates of '\(id)' are incomplete: every ring needs at least four positions of two numbers each")
    }
    public static func geoJSONUnknownCRS(_ name: String) -> Message {
        Message(de: "das Koordinatensystem '\(name)' wird nicht unterstützt; erlaubt sind WGS84 (EPSG:4326) und ETRS89/UTM 32N (EPSG:25832)",
                en: "coordinate system '\(name)' is not supported; allowed are WGS84 (EPSG:4326) and ETRS89/UTM 32N (EPSG:25832)")
    }
    public static let geoJSONCoordinateRange = Message(
        de: "die Koordinaten sind weder Längen- und Breitengrade (WGS84) noch UTM-Meter der Zone 32N (EPSG:25832); exportieren Sie in einem dieser Systeme",
        en: "the coordinates are neither longitude/latitude (WGS84) nor UTM zone 32N metres (EPSG:25832); export in one of these")
}

/// Indicator rows at an area level.
extension Message {
    public static func rowMatchesNoArea(_ raum: String, raumebene: String, suggestion: String?) -> Message {
        Message(de: "die Zeile '\(raum)' passt zu keinem Sozialraum aus sozialraeume.yaml (raumebene: \(raumebene)); "
                    + "schreiben Sie die id, den Namen oder die Kommune wie dort (oder für die ganze Region den Träger aus site.yaml)",
                en: "row '\(raum)' matches no Sozialraum in sozialraeume.yaml (raumebene: \(raumebene)); "
                    + "write the id, the name or the Kommune as there (or, for the whole region, the traeger of site.yaml)") + didYouMean(suggestion)
    }
}
