#!/usr/bin/env bash
# Regenerates assets/cameras/: eight synthetic demo cameras at real Bà Rịa–Vũng Tàu places, so a
# fresh install has moving video on the wall with no camera network and no licensed footage.
#
# Each camera is an 8 s loop drawn by ffmpeg (a geq scene, moving boxes for traffic/boats/people,
# sensor noise and an OSD in Vietnamese), encoded twice: sub 640x360 and main 1280x720, H.264 main
# profile, 25 fps, no audio, cut into four 2.000 s MPEG-TS segments (a keyframe every 50 frames) so
# the hub can loop them as a live HLS stream. All motion repeats every 8 s, so the loop has no jump
# except the frame counter. Each camera also gets still.jpg, the sub rendition's first frame, which a
# wall shows before the first frame plays and on tiles over its decode budget. cameras.json lists the
# still and the segments, with durations, frame rate and RFC 6381 codec strings read back from the
# files on disk (ffprobe and the SPS itself), so the hub can write a multi-variant playlist.
#
# Usage: scripts/make-demo-clips.sh [OUT_DIR]          (default: assets/cameras)
#        PREVIEW_DIR=/tmp/p scripts/make-demo-clips.sh  (also writes one PNG per camera)
#        ONLY=cau-co-may scripts/make-demo-clips.sh     (one camera, for tuning a scene; skips JSON)
#        STILLS_ONLY=1 scripts/make-demo-clips.sh       (keeps the clips in OUT_DIR as they are; rewrites
#                                                        the stills and cameras.json from them)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/assets/cameras}"
FPS=25
SEGMENT_SECONDS=2
LOOP_SECONDS=8
FRAMES_PER_SEGMENT=$((FPS * SEGMENT_SECONDS))
SEGMENTS_PER_LOOP=$((LOOP_SECONDS / SEGMENT_SECONDS))
# MJPEG qscale for the stills (2 best … 31 worst): the 640x360 scenes come out at 20–40 KB, small
# enough for a wall to fetch all of them at once, sharp enough to read the OSD.
STILL_QUALITY=2
STILLS_ONLY="${STILLS_ONLY:-}"

for tool in ffmpeg ffprobe node; do
  command -v "$tool" >/dev/null || { echo "make-demo-clips: $tool is required" >&2; exit 1; }
done

# A font with Vietnamese glyphs (ă â đ ê ô ơ ư and the tone marks); DejaVu ships with Debian.
find_font() {
  for candidate in "$@"; do
    if [ -f "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  echo "make-demo-clips: no font with Vietnamese glyphs found (tried: $*); install fonts-dejavu-core" >&2
  exit 1
}
if [ -z "$STILLS_ONLY" ]; then
  FONT_BOLD="$(find_font /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf)"
  FONT_MONO="$(find_font /usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf /usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf)"
fi

# id | name | unit (as src-shared/demo/demo-units.ts names it) | lat | lng | scene
CAMERAS=(
  "bai-sau-thuy-van|Bãi Sau – Thùy Vân|Phường Vũng Tàu|10.3445|107.0935|beach"
  "tuong-chua-kito-nui-nho|Tượng Chúa Kitô – Núi Nhỏ|Phường Vũng Tàu|10.3267|107.0848|hill"
  "nga-tu-gieng-nuoc|Ngã tư Giếng Nước|Phường Tam Thắng|10.3590|107.0830|crossroads"
  "cau-co-may|Cầu Cỏ May|Phường Phước Thắng|10.4265|107.1385|bridge"
  "cho-ba-ria|Chợ Bà Rịa|Phường Bà Rịa|10.4965|107.1685|market"
  "ql51-phu-my|QL51 – Phú Mỹ|Phường Phú Mỹ|10.5905|107.0490|highway"
  "cang-cai-mep|Cảng Cái Mép|Phường Tân Phước|10.5340|107.0290|port"
  "con-dao-cau-tau-914|Côn Đảo – Cầu tàu 914|Đặc khu Côn Đảo|8.6830|106.6085|pier"
)

# Static per-pixel grain in [0,1), for sand, grass and asphalt texture (same every frame, so cheap).
GRAIN='mod(abs(sin(X*12.9898+Y*78.233))*43758.5453,1)'
# Pseudo-random value in [0,1) for a grid cell (st 1 = column, st 2 = row), for roof and container colours.
CELL='mod(abs(sin(ld(1)*91.7+ld(2)*47.3))*9631.13,1)'

# Each scene prints a geq filter (drawn at 320x180 and scaled up, which also softens it like a lens)
# followed by movers, one per line: "w h colour alpha period phase x0 y0 x1 y1 [car]". A mover goes
# from (x0,y0) to (x1,y1) once per period seconds (periods divide 8, so the loop is seamless);
# "bounce" as the last word makes it go there and back. Coordinates are in 1280x720 pixels.
scene_beach() {
  local hz='H*0.38' shore='(H*0.70+3*sin(2*PI*T/4+X*0.035))'
  local depth="((Y-$hz)/($shore-$hz))" wave="sin(X*0.11+Y*0.7-2*PI*T/2)"
  echo "geq=r='if(lt(Y,$hz),140+70*Y/($hz),if(lt(Y,$shore-4),20+25*$depth+22*$wave*$depth,if(lt(Y,$shore),235,214+16*$GRAIN)))':g='if(lt(Y,$hz),190+45*Y/($hz),if(lt(Y,$shore-4),95+40*$depth+22*$wave*$depth,if(lt(Y,$shore),240,192+16*$GRAIN)))':b='if(lt(Y,$hz),235+18*Y/($hz),if(lt(Y,$shore-4),150+30*$depth+22*$wave*$depth,if(lt(Y,$shore),245,150+14*$GRAIN)))'"
  cat <<'EOF'
70 18 0xF2F2F2 1 8 0.0 1280 262 -70 262
36 12 0xE03A2E 1 4 0.3 -36 330 1280 345
12 30 0x3A2A20 1 8 0.1 200 600 520 590
12 30 0x1E3F8A 1 8 0.6 1100 640 700 650
14 32 0xC23B22 1 8 0.4 40 670 420 660
12 28 0x2F2F2F 1 8 0.8 900 575 1250 585
EOF
}

scene_hill() {
  local hz='H*0.42' ridge='(H*0.64+14*sin(X*0.021+1)+6*sin(X*0.09))'
  local glitter="(exp(-pow((X-W*0.7)/14,2))*gt(sin(Y*1.3-2*PI*T/2+X*0.2),0.55))"
  echo "geq=r='if(gt(Y,$ridge),30+25*$GRAIN,if(lt(Y,$hz),250-50*Y/($hz),30+150*$glitter))':g='if(gt(Y,$ridge),70+30*$GRAIN,if(lt(Y,$hz),170+20*Y/($hz),70+140*$glitter))':b='if(gt(Y,$ridge),35+20*$GRAIN,if(lt(Y,$hz),120+90*Y/($hz),120+90*$glitter))'"
  cat <<'EOF'
260 46 0xFFFFFF 0.30 8 0.0 -260 60 1280 80
180 34 0xFFFFFF 0.25 8 0.5 1280 140 -180 120
96 18 0x2A2A2E 1 8 0.2 200 312 900 318
60 14 0x7A2020 1 8 0.7 1180 350 500 352
8 3 0x202020 1 2 0.0 -8 180 1280 150
8 3 0x202020 1 2 0.5 -8 210 1280 190
EOF
}

scene_crossroads() {
  # Top-down: a vertical and a horizontal road with a yellow centre line, zebra crossings, roofs.
  local vroad='lt(abs(X-W*0.5),W*0.1)' hroad='lt(abs(Y-H*0.5),H*0.11)'
  local road="($vroad+$hroad)" centre="(lt(abs(X-W*0.5),0.8)*gt(abs(Y-H*0.5),H*0.11)*lt(mod(Y,12),7)+lt(abs(Y-H*0.5),0.8)*gt(abs(X-W*0.5),W*0.1)*lt(mod(X,12),7))"
  local zebra="(lt(mod(X,6),3)*between(abs(Y-H*0.5),H*0.12,H*0.18)*lt(abs(X-W*0.5),W*0.1)+lt(mod(Y,6),3)*between(abs(X-W*0.5),W*0.11,W*0.14)*lt(abs(Y-H*0.5),H*0.11))"
  local roof="st(1,floor(X/34));st(2,floor(Y/30));st(3,$CELL);st(4,gt(mod(X,34),30)+gt(mod(Y,30),26))"
  echo "geq=r='$roof;if(gt($zebra,0),225,if(gt($road,0),70+8*$GRAIN+170*gt($centre,0),if(ld(4),150,110+110*ld(3))))':g='$roof;if(gt($zebra,0),225,if(gt($road,0),72+8*$GRAIN+140*gt($centre,0),if(ld(4),160,90+60*ld(3))))':b='$roof;if(gt($zebra,0),225,if(gt($road,0),76+8*$GRAIN,if(ld(4),140,70+40*ld(3))))'"
  cat <<'EOF'
90 44 0xC8202A 1 4 0.0 -90 368 1280 368 car
90 44 0xE8E8E8 1 4 0.55 1280 310 -90 310 car
30 16 0x1F4FA0 1 2.6666667 0.2 -30 400 1280 400
30 16 0x333333 1 2 0.7 1280 280 -30 280
44 88 0x202A38 1 4 0.25 660 -88 660 720 car
44 88 0xD9B13A 1 4 0.8 580 720 580 -88 car
16 30 0x8A1F1F 1 2 0.1 700 -30 700 720
16 30 0x2E6B2E 1 2.6666667 0.4 545 720 545 -30
EOF
}

scene_bridge() {
  # Looking down the bridge deck: lane dashes stream towards the camera in perspective.
  local hz='H*0.36' half="(4+(Y-H*0.36)*0.95)" off='abs(X-W*0.5)'
  local rail="lt(abs($off-$half),1+(Y-H*0.36)*0.025)" dash="lt(mod(60/(Y-H*0.36+1)-T/2,1),0.5)"
  local lane="lt(abs($off-$half/3),0.6+(Y-H*0.36)*0.012)"
  local ripple="(10*sin(Y*0.9-2*PI*T/4+X*0.05))"
  echo "geq=r='if(lt(Y,$hz),170+40*Y/($hz),if($rail,205,if(lt($off,$half),if($lane*$dash,235,88+10*$GRAIN),60+$ripple)))':g='if(lt(Y,$hz),180+40*Y/($hz),if($rail,205,if(lt($off,$half),if($lane*$dash,235,90+10*$GRAIN),95+$ripple)))':b='if(lt(Y,$hz),200+30*Y/($hz),if($rail,210,if(lt($off,$half),if($lane*$dash,225,95+10*$GRAIN),90+$ripple)))'"
  cat <<'EOF'
70 16 0x5A3A22 1 8 0.0 -70 330 1280 334
40 10 0x6E6E6E 1 8 0.6 1280 300 -40 298
40 22 0xB02020 1 8 0.0 630 270 640 700
24 14 0xF0F0F0 1 4 0.3 600 700 628 275
EOF
}

scene_market() {
  # Top-down: rows of stalls under striped tarpaulins, aisles between, a street along the bottom.
  local stall="lt(mod(X,40),30)*lt(mod(Y-8,44),26)*lt(Y,H*0.82)"
  local pick="st(1,floor(X/40));st(2,floor((Y-8)/44));st(3,floor($CELL*4));st(5,lt(mod(X,8),4)*18)"
  local street="gt(Y,H*0.85)"
  echo "geq=r='$pick;if($street,62+10*$GRAIN,if($stall,if(eq(ld(3),0),200,if(eq(ld(3),1),40,if(eq(ld(3),2),40,230)))+ld(5),170+20*lt(mod(X+Y,10),5)))':g='$pick;if($street,62+10*$GRAIN,if($stall,if(eq(ld(3),0),45,if(eq(ld(3),1),90,if(eq(ld(3),2),140,140)))+ld(5),165+20*lt(mod(X+Y,10),5)))':b='$pick;if($street,66+10*$GRAIN,if($stall,if(eq(ld(3),0),40,if(eq(ld(3),1),190,if(eq(ld(3),2),60,30)))+ld(5),150+20*lt(mod(X+Y,10),5)))'"
  cat <<'EOF'
18 18 0x2A2A6A 1 8 0.0 140 -20 140 600
18 18 0x8A2A2A 1 8 0.4 300 600 300 -20
18 18 0xE0C050 1 8 0.7 620 -20 620 600
18 18 0x206040 1 8 0.2 940 600 940 -20
18 18 0x303030 1 8 0.9 1100 -20 1100 600
18 18 0xD07090 1 4 0.5 460 40 520 560 bounce
40 20 0x1F3F9F 1 2.6666667 0.0 -40 640 1280 640
40 20 0xB8B8B8 1 2 0.5 1280 680 -40 680
96 40 0xF0F0F0 1 4 0.25 -96 650 1280 650 car
EOF
}

scene_highway() {
  # Top-down four-lane highway with a median, crops on one side and factory roofs on the other.
  local road='between(Y,H*0.32,H*0.80)' median='lt(abs(Y-H*0.56),H*0.015)'
  local dash="lt(mod(X,20),10)*(lt(abs(Y-H*0.44),0.7)+lt(abs(Y-H*0.68),0.7))"
  local edge="(lt(abs(Y-H*0.33),0.7)+lt(abs(Y-H*0.79),0.7))"
  local roof="st(1,floor(X/48));st(2,0);st(3,$CELL);st(4,gt(mod(X,48),42))"
  echo "geq=r='$roof;if($road,if($median,120,if($dash+$edge,230,72+8*$GRAIN)),if(lt(Y,H*0.32),if(ld(4)+lt(Y,H*0.06),110,60+40*ld(3)),90+30*lt(mod(Y,6),3)+10*$GRAIN))':g='$roof;if($road,if($median,150,if($dash+$edge,230,74+8*$GRAIN)),if(lt(Y,H*0.32),if(ld(4)+lt(Y,H*0.06),120,110+40*ld(3)),140+30*lt(mod(Y,6),3)+10*$GRAIN))':b='$roof;if($road,if($median,110,if($dash+$edge,230,78+8*$GRAIN)),if(lt(Y,H*0.32),if(ld(4)+lt(Y,H*0.06),110,160+50*ld(3)),60+20*lt(mod(Y,6),3)+10*$GRAIN))'"
  cat <<'EOF'
220 52 0x1E5AA8 1 4 0.0 1280 254 -220 254 car
96 42 0xDDDDDD 1 2.6666667 0.3 1280 346 -96 346 car
240 54 0xC0392B 1 8 0.1 -240 440 1280 440 car
96 42 0x222222 1 2 0.6 -96 532 1280 532 car
30 16 0x2E7D32 1 2 0.2 -30 555 1280 555
180 50 0xF39C12 1 4 0.7 -180 440 1280 440 car
EOF
}

scene_port() {
  # Container yard in front of a quay, a ship alongside, sea beyond.
  local sea='lt(Y,H*0.34)' hull='between(Y,H*0.16,H*0.31)*between(X,W*0.08,W*0.86)'
  local quay='lt(Y,H*0.42)'
  local box="st(1,floor(X/26));st(2,floor(Y/12));st(3,floor($CELL*5));st(4,lt(mod(X,26),23)*lt(mod(Y,12),10)*lt(mod(floor(X/26),5),4))"
  local colour_r='if(eq(ld(3),0),180,if(eq(ld(3),1),30,if(eq(ld(3),2),40,if(eq(ld(3),3),220,200))))'
  local colour_g='if(eq(ld(3),0),40,if(eq(ld(3),1),80,if(eq(ld(3),2),120,if(eq(ld(3),3),140,200))))'
  local colour_b='if(eq(ld(3),0),35,if(eq(ld(3),1),160,if(eq(ld(3),2),60,if(eq(ld(3),3),30,200))))'
  local ripple="(8*sin(X*0.2+Y*0.6-2*PI*T/2))"
  local deck='between(Y,H*0.12,H*0.16)*between(X,W*0.14,W*0.80)'
  echo "geq=r='$box;if($deck*ld(4),$colour_r,if($hull,40,if($sea,25+$ripple,if($quay,150,if(ld(4),$colour_r,95+8*$GRAIN)))))':g='$box;if($deck*ld(4),$colour_g,if($hull,45,if($sea,70+$ripple,if($quay,150,if(ld(4),$colour_g,95+8*$GRAIN)))))':b='$box;if($deck*ld(4),$colour_b,if($hull,60,if($sea,110+$ripple,if($quay,145,if(ld(4),$colour_b,92+8*$GRAIN)))))'"
  cat <<'EOF'
30 190 0xF2C200 0.9 8 0.0 200 150 900 150 bounce
60 24 0x26262A 0.9 8 0.0 200 270 900 270 bounce
50 22 0x3060C0 1 4 0.2 -50 458 1280 458 car
50 22 0xE06020 1 4 0.65 1280 602 -50 602 car
60 20 0xB0B0B0 1 8 0.3 1280 50 -60 44
EOF
}

scene_pier() {
  # Côn Sơn bay: island peaks on the horizon, turquoise sea, the old pier running out from the camera.
  local hz='H*0.45' peaks='(H*0.45-26*exp(-pow((X-W*0.28)/40,2))-16*exp(-pow((X-W*0.78)/30,2)))'
  local centre='(W*0.5+(Y-H*0.45)*0.35)' half='(2+(Y-H*0.45)*0.55)'
  local pier="lt(abs(X-$centre),$half)*gt(Y,$hz)" plank="lt(mod(30/(Y-H*0.45+1),0.12),0.02)"
  local wave="(14*sin(X*0.09+Y*0.5-2*PI*T/4)*(Y-H*0.45)/(H*0.55))"
  echo "geq=r='if($pier,if($plank,80,150+15*$GRAIN),if(lt(Y,$peaks),90+80*Y/($hz),if(lt(Y,$hz),35+10*$GRAIN,30+$wave)))':g='if($pier,if($plank,55,110+12*$GRAIN),if(lt(Y,$peaks),160+60*Y/($hz),if(lt(Y,$hz),75+15*$GRAIN,150+$wave)))':b='if($pier,if($plank,35,75+10*$GRAIN),if(lt(Y,$peaks),230+20*Y/($hz),if(lt(Y,$hz),50+10*$GRAIN,170+$wave)))'"
  cat <<'EOF'
80 22 0xF5F5F5 1 8 0.0 -80 380 1280 390
50 14 0x1F4FA0 1 8 0.45 1280 345 -50 340
34 12 0xE8E8E8 1 4 0.2 1280 520 -34 500
8 3 0x303030 1 2 0.0 -8 120 1280 90
8 3 0x303030 1 2.6666667 0.3 1280 150 -8 170
EOF
}

# Builds the filtergraph for one camera into $1 (a file, so no shell quoting inside the graph).
write_graph() {
  local file="$1" scene="$2" textdir="$3"
  local lines geq
  mapfile -t lines < <("scene_$scene")
  geq="${lines[0]}"
  {
    echo "color=c=black:s=320x180:r=$FPS:d=$LOOP_SECONDS,format=gbrp,$geq,scale=1280:720:flags=bicubic,format=yuv420p[bg0];"
    local i=0 last="bg0"
    for spec in "${lines[@]:1}"; do
      [ -n "$spec" ] || continue
      read -r w h colour alpha period phase x0 y0 x1 y1 kind <<<"$spec"
      local progress="mod(t/$period+$phase,1)"
      if [ "${kind:-}" = "bounce" ]; then progress="abs(2*mod(t/$period+$phase,1)-1)"; fi
      local body="color=c=$colour@$alpha:s=${w}x${h}:r=$FPS:d=$LOOP_SECONDS,format=yuva420p"
      if [ "${kind:-}" = "car" ]; then
        # A darker cabin/windscreen so a box reads as a vehicle from above.
        body="$body,drawbox=x=iw*0.3:y=ih*0.15:w=iw*0.4:h=ih*0.7:color=black@0.45:t=fill"
      fi
      echo "$body[m$i];"
      echo "[$last][m$i]overlay=x='$x0+($x1-($x0))*$progress':y='$y0+($y1-($y0))*$progress':eval=frame:shortest=1[bg$((i + 1))];"
      last="bg$((i + 1))"
      i=$((i + 1))
    done
    echo "[$last]vignette=angle=PI/5,noise=alls=4:allf=t+u:all_seed=4242,split[mainsrc][subsrc];"
    echo "[subsrc]scale=640:360:flags=bicubic[subscaled];"
    osd "[mainsrc]" 1 "$textdir/main" "[main]"
    echo ";"
    osd "[subscaled]" 0.5 "$textdir/sub" "[sub]"
  } >"$file"
}

# The OSD a city camera burns in: name and place top-left, REC and frame counter top-right,
# stream label bottom-left, and a clear "simulated" mark so nobody takes it for a real feed.
osd() {
  local input="$1" k="$2" texts="$3" output="$4"
  local font="fontfile='$FONT_BOLD'" mono="fontfile='$FONT_MONO'"
  px() { awk -v v="$1" -v k="$k" 'BEGIN { printf "%d", v * k + 0.5 }'; }
  local box="box=1:boxcolor=black@0.45:boxborderw=$(px 8)"
  printf '%s' "$input"
  printf 'drawtext=%s:textfile=%s:fontsize=%s:fontcolor=white:x=%s:y=%s:%s,' "$font" "'$texts-name.txt'" "$(px 34)" "$(px 18)" "$(px 16)" "$box"
  printf 'drawtext=%s:textfile=%s:fontsize=%s:fontcolor=0xE6E6E6:x=%s:y=%s:%s,' "$font" "'$texts-place.txt'" "$(px 20)" "$(px 18)" "$(px 66)" "$box"
  printf "drawtext=%s:text='● REC':fontsize=%s:fontcolor=0xFF3B30:x=w-tw-%s:y=%s:enable='lt(mod(t,1),0.5)',"  "$font" "$(px 24)" "$(px 20)" "$(px 16)"
  printf 'drawtext=%s:textfile=%s:fontsize=%s:fontcolor=white:x=w-tw-%s:y=%s:%s,' "$mono" "'$texts-counter.txt'" "$(px 22)" "$(px 20)" "$(px 54)" "$box"
  printf 'drawtext=%s:textfile=%s:fontsize=%s:fontcolor=white:x=%s:y=h-th-%s:%s,' "$font" "'$texts-stream.txt'" "$(px 18)" "$(px 18)" "$(px 16)" "$box"
  printf "drawtext=%s:text='MÔ PHỎNG · DEMO':fontsize=%s:fontcolor=0xFFD54F:x=w-tw-%s:y=h-th-%s:%s%s" "$font" "$(px 18)" "$(px 20)" "$(px 16)" "$box" "$output"
}

# Duration of one segment as ffprobe reads it, checked against the frame count we asked for.
probe_segment() {
  local file="$1" frames duration
  frames="$(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$file" | grep -m1 .)"
  duration="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$file")"
  if [ "$frames" != "$FRAMES_PER_SEGMENT" ]; then
    echo "make-demo-clips: $file has $frames frames, expected $FRAMES_PER_SEGMENT" >&2
    exit 1
  fi
  echo "$duration"
}

# Fails unless a rendition folder holds exactly one loop of segments.
check_segments() {
  local dir="$1" count
  count="$(find "$dir" -name 'clip-*.ts' | wc -l)"
  if [ "$count" != "$SEGMENTS_PER_LOOP" ]; then
    echo "make-demo-clips: $dir has $count segments, expected $SEGMENTS_PER_LOOP${STILLS_ONLY:+ (STILLS_ONLY needs the clips; run without it to encode)}" >&2
    exit 1
  fi
}

# "WIDTH HEIGHT FPS CODECS" of a segment. CODECS is avc1.PPCCLL taken from the SPS (profile_idc,
# the constraint flags byte, level_idc), because ffprobe's "Main"/31 leaves the flags out and a
# browser's MediaSource.isTypeSupported checks the whole string.
probe_rendition() {
  local file="$1" stream codecs width height rate
  stream="$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height,r_frame_rate -of csv=p=0 "$file" | grep -m1 .)"
  IFS=, read -r width height rate <<<"$stream"
  if ! [[ "$width" =~ ^[0-9]+$ && "$height" =~ ^[0-9]+$ && "$rate" =~ ^[0-9]+/[1-9][0-9]*$ ]]; then
    echo "make-demo-clips: cannot read the video size and frame rate of $file (got \"$stream\")" >&2
    exit 1
  fi
  codecs="$(ffmpeg -hide_banner -nostdin -loglevel debug -i "$file" -map 0:v:0 -c copy -bsf:v trace_headers -frames:v 1 -f null - 2>&1 |
    awk '!/^\[trace_headers/ { next }
         / profile_idc / && p == "" { p = $NF }
         / constraint_set[0-5]_flag / && n < 6 { flags = flags * 2 + $NF; n++ }
         / level_idc / && l == "" { l = $NF }
         END { if (p != "" && l != "" && n == 6) printf "avc1.%02x%02x%02x", p, flags * 4, l }')"
  if [ -z "$codecs" ]; then
    echo "make-demo-clips: no H.264 SPS found in $file" >&2
    exit 1
  fi
  echo "$width $height $(awk -v r="$rate" 'BEGIN { split(r, f, "/"); printf "%.3f", f[1] / f[2] }') $codecs"
}

# The sub rendition's first frame (a keyframe) as a JPEG; bit-exact, so a rerun rewrites the same bytes.
write_still() {
  local id="$1"
  ffmpeg -hide_banner -loglevel error -nostdin -y -i "$OUT/$id/sub/clip-0.ts" -map 0:v:0 -frames:v 1 \
    -vf scale=640:360 -pix_fmt yuvj420p -q:v "$STILL_QUALITY" -map_metadata -1 -fflags +bitexact -flags:v +bitexact \
    -update 1 "$OUT/$id/still.jpg"
}

# x264 options for one rendition; a keyframe every 50 frames and no scene-cut keyframes, so the
# HLS muxer cuts exactly every 2.000 s. Sets the array ENCODE.
encode_args() {
  local maxrate="$1"
  ENCODE=(-c:v libx264 -preset slow -profile:v main -level:v 3.1 -pix_fmt yuv420p -r "$FPS" -bf 0
    -g "$FRAMES_PER_SEGMENT" -keyint_min "$FRAMES_PER_SEGMENT" -sc_threshold 0
    -crf 30 -maxrate "$maxrate" -bufsize "$maxrate" -threads 2 -an -map_metadata -1 -fflags +bitexact -flags:v +bitexact
    -f hls -hls_time "$SEGMENT_SECONDS" -hls_list_size 0 -hls_playlist_type vod -hls_segment_type mpegts -start_number 0)
}

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/out"
: >"$WORK/table.tsv"

index=0
for entry in "${CAMERAS[@]}"; do
  IFS='|' read -r id name district lat lng scene <<<"$entry"
  index=$((index + 1))
  if [ -n "$STILLS_ONLY" ]; then break; fi
  if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$id" ]; then continue; fi
  echo "make-demo-clips: $id ($scene)"
  textdir="$WORK/text-$id"
  mkdir -p "$textdir" "$WORK/out/$id/sub" "$WORK/out/$id/main"
  cam="$(printf 'CAM %02d' "$index")"
  for r in main sub; do
    printf '%s' "$name" >"$textdir/$r-name.txt"
    printf '%s · %.4f°N %.4f°E' "$district" "$lat" "$lng" >"$textdir/$r-place.txt"
    # drawtext expands %{eif:n:d:6} to the frame number, zero-padded to six digits.
    printf 'F %%{eif:n:d:6}' >"$textdir/$r-counter.txt"
  done
  printf '%s · MAIN 1280×720 · %d fps' "$cam" "$FPS" >"$textdir/main-stream.txt"
  printf '%s · SUB 640×360 · %d fps' "$cam" "$FPS" >"$textdir/sub-stream.txt"
  write_graph "$WORK/graph-$id.txt" "$scene" "$textdir"
  encode_args 700k
  main_args=("${ENCODE[@]}")
  encode_args 220k
  sub_args=("${ENCODE[@]}")
  ffmpeg -hide_banner -loglevel error -nostdin -y -filter_complex_script "$WORK/graph-$id.txt" \
    -map '[main]' "${main_args[@]}" -hls_segment_filename "$WORK/out/$id/main/clip-%d.ts" "$WORK/out/$id/main/index.m3u8" \
    -map '[sub]' "${sub_args[@]}" -hls_segment_filename "$WORK/out/$id/sub/clip-%d.ts" "$WORK/out/$id/sub/index.m3u8"
  # The hub writes its own live playlists; ffmpeg's VOD ones would only mislead.
  rm -f "$WORK/out/$id/main/index.m3u8" "$WORK/out/$id/sub/index.m3u8"
  check_segments "$WORK/out/$id/sub"
  check_segments "$WORK/out/$id/main"
  if [ -n "${PREVIEW_DIR:-}" ]; then
    mkdir -p "$PREVIEW_DIR"
    ffmpeg -hide_banner -loglevel error -nostdin -y -i "$WORK/out/$id/main/clip-0.ts" -ss 1 -frames:v 1 "$PREVIEW_DIR/$id.png"
  fi
done

mkdir -p "$OUT"
for entry in "${CAMERAS[@]}"; do
  IFS='|' read -r id _ <<<"$entry"
  if [ -d "$WORK/out/$id" ]; then
    rm -rf "${OUT:?}/$id"
    cp -R "$WORK/out/$id" "$OUT/$id"
  fi
done

# From here on only the files in OUT count, so STILLS_ONLY takes exactly the path a full run does.
for entry in "${CAMERAS[@]}"; do
  IFS='|' read -r id name district lat lng _ <<<"$entry"
  if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$id" ]; then continue; fi
  echo "make-demo-clips: $id still and catalog entry"
  for r in sub main; do
    check_segments "$OUT/$id/$r"
    stream="$(probe_rendition "$OUT/$id/$r/clip-0.ts")"
    read -r width height fps codecs <<<"$stream"
    for ((s = 0; s < SEGMENTS_PER_LOOP; s++)); do
      file="$id/$r/clip-$s.ts"
      duration="$(probe_segment "$OUT/$file")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$id" "$name" "$district" "$lat" "$lng" "$r" "$file" "$duration" "$width" "$height" "$fps" "$codecs" >>"$WORK/table.tsv"
    done
  done
  write_still "$id"
done
if [ -n "${ONLY:-}" ]; then
  echo "make-demo-clips: ONLY=$ONLY, cameras.json left as it was"
  exit 0
fi

# cameras.json, written by node so names with any character stay valid JSON.
node - "$WORK/table.tsv" "$OUT/cameras.json" <<'EOF'
const fs = require('node:fs');
const [tablePath, outPath] = process.argv.slice(2);
const cameras = new Map();
for (const line of fs.readFileSync(tablePath, 'utf8').split('\n').filter(Boolean)) {
  const [id, name, district, lat, lng, rendition, file, duration, width, height, fps, codecs] = line.split('\t');
  if (!cameras.has(id)) {
    cameras.set(id, { id, name, district, location: { lat: Number(lat), lng: Number(lng) }, still: `${id}/still.jpg`, renditions: {} });
  }
  const renditions = cameras.get(id).renditions;
  renditions[rendition] ??= { width: Number(width), height: Number(height), frameRate: Number(fps), codecs, segments: [] };
  renditions[rendition].segments.push({ file, duration: Number(Number(duration).toFixed(3)) });
}
fs.writeFileSync(outPath, JSON.stringify([...cameras.values()], null, 2) + '\n');
EOF
echo "make-demo-clips: wrote $OUT ($(du -sh "$OUT" | cut -f1))"
