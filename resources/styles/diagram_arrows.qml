<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" labelsEnabled="1" version="3.22.16-Białowieża" minScale="100000000" simplifyDrawingHints="1" symbologyReferenceScale="-1" styleCategories="AllStyleCategories" simplifyAlgorithm="0" simplifyMaxScale="1" maxScale="0" simplifyLocal="1" simplifyDrawingTol="1" readOnly="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startField="" mode="0" endField="" enabled="0" fixedDuration="0" durationUnit="min" accumulate="0" endExpression="" durationField="" startExpression="" limitMode="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 symbollevels="0" type="RuleRenderer" forceraster="0" referencescale="-1" enableorderby="0">
    <rules key="{3dfed354-234b-4bb0-a41f-d6c69fb48fe1}">
      <rule label="Ash and slag" filter="&quot;category&quot; = 'ash_slag'" key="{7cdc18bc-1e14-40a7-83e0-5a59312a1a29}" symbol="0"/>
      <rule label="Metallurgical slag" filter="&quot;category&quot; = 'metallurgical_slag'" key="{12ded509-eaf4-4632-af89-ecc8d9cae4c6}" symbol="1"/>
      <rule label="Mining rock" filter="&quot;category&quot; = 'mining_rock'" key="{e5c71d28-31f9-4bad-a68e-a192f301e258}" symbol="2"/>
      <rule label="Coal waste" filter="&quot;category&quot; = 'coal_waste'" key="{f33e6c63-cfff-4409-be74-7c5753b466e2}" symbol="3"/>
      <rule label="Fuel" filter="&quot;category&quot; = 'fuel'" key="{fc5abe5a-d002-4baa-aaaf-f2d1a818d427}" symbol="4"/>
      <rule label="Gas" filter="&quot;category&quot; = 'gas'" key="{bf26d103-dc99-484e-bd02-50885ca29684}" symbol="5"/>
      <rule label="Heat" filter="&quot;category&quot; = 'heat'" key="{4e16209f-9cb9-4b21-9a4a-7a9b2e98876e}" symbol="6"/>
      <rule label="Water" filter="&quot;category&quot; = 'water'" key="{01c94702-fbf8-4602-a08d-ec008b99f748}" symbol="7"/>
      <rule label="less than 10 thousand per year" filter="FALSE" key="{3f6fb289-7166-4524-af41-920443419eeb}" symbol="8"/>
      <rule label="10 to 50 thousand per year" filter="FALSE" key="{aa216f72-7cb8-4579-9731-e911ad7d5a78}" symbol="9"/>
      <rule label="50 to 200 thousand per year" filter="FALSE" key="{b23df9f2-f168-4237-81dc-0795b3a211fc}" symbol="10"/>
      <rule label="200 thousand to 1 million per year" filter="FALSE" key="{0553e637-cce8-419e-aea7-03bcb4375109}" symbol="11"/>
      <rule label="over 1 million per year" filter="FALSE" key="{d95f0754-cfff-4f94-8436-e4f0be40d721}" symbol="12"/>
    </rules>
    <symbols>
      <symbol name="0" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="1" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="1" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="1.5" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="1.5" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="1"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="1"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="1.5"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="1.5"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties" type="Map">
                <Option name="arrowHeadLength" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.8 + 1.2 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowHeadThickness" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.0 + 0.7 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowStartWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
              </Option>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@0@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="97,97,97,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="97,97,97,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="1" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="1" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="1" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="1.5" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="1.5" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="1"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="1"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="1.5"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="1.5"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties" type="Map">
                <Option name="arrowHeadLength" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.8 + 1.2 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowHeadThickness" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.0 + 0.7 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowStartWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
              </Option>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@1@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="106,27,154,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="106,27,154,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="10" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="1.5" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="1.5" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="3.6" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="2.05" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="1.5"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="1.5"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="3.6"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="2.05"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@10@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="158,158,158,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="158,158,158,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="11" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="2.3" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="2.3" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="4.56" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="2.61" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="2.3"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="2.3"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="4.56"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="2.61"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@11@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="158,158,158,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="158,158,158,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="12" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="3.3" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="3.3" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="5.76" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="3.31" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="3.3"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="3.3"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="5.76"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="3.31"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@12@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="158,158,158,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="158,158,158,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="2" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="1" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="1" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="1.5" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="1.5" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="1"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="1"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="1.5"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="1.5"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties" type="Map">
                <Option name="arrowHeadLength" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.8 + 1.2 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowHeadThickness" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.0 + 0.7 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowStartWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
              </Option>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@2@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="141,110,99,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="141,110,99,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="3" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="1" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="1" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="1.5" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="1.5" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="1"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="1"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="1.5"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="1.5"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties" type="Map">
                <Option name="arrowHeadLength" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.8 + 1.2 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowHeadThickness" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.0 + 0.7 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowStartWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
              </Option>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@3@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="33,33,33,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="33,33,33,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="4" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="1" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="1" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="1.5" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="1.5" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="1"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="1"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="1.5"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="1.5"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties" type="Map">
                <Option name="arrowHeadLength" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.8 + 1.2 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowHeadThickness" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.0 + 0.7 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowStartWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
              </Option>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@4@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="55,71,79,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="55,71,79,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="5" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="1" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="1" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="1.5" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="1.5" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="1"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="1"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="1.5"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="1.5"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties" type="Map">
                <Option name="arrowHeadLength" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.8 + 1.2 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowHeadThickness" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.0 + 0.7 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowStartWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
              </Option>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@5@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="21,101,192,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="21,101,192,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="6" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="1" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="1" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="1.5" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="1.5" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="1"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="1"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="1.5"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="1.5"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties" type="Map">
                <Option name="arrowHeadLength" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.8 + 1.2 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowHeadThickness" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.0 + 0.7 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowStartWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
              </Option>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@6@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="230,81,0,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="230,81,0,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="7" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="1" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="1" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="1.5" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="1.5" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="1"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="1"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="1.5"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="1.5"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties" type="Map">
                <Option name="arrowHeadLength" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.8 + 1.2 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowHeadThickness" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="1.0 + 0.7 * (CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END)" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowStartWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
                <Option name="arrowWidth" type="Map">
                  <Option name="active" value="true" type="bool"/>
                  <Option name="expression" value="CASE &quot;width_class&quot; WHEN 1 THEN 0.5 WHEN 2 THEN 0.9 WHEN 3 THEN 1.5 WHEN 4 THEN 2.3 ELSE 3.3 END" type="QString"/>
                  <Option name="type" value="3" type="int"/>
                </Option>
              </Option>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@7@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="0,151,167,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="0,151,167,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="8" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="0.5" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="0.5" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="2.4" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="1.35" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="0.5"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="0.5"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="2.4"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="1.35"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@8@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="158,158,158,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="158,158,158,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
      <symbol name="9" clip_to_extent="1" force_rhr="0" type="line" alpha="1">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" enabled="1" class="ArrowLine" pass="0">
          <Option type="Map">
            <Option name="arrow_start_width" value="0.9" type="QString"/>
            <Option name="arrow_start_width_unit" value="MM" type="QString"/>
            <Option name="arrow_start_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="arrow_type" value="0" type="QString"/>
            <Option name="arrow_width" value="0.9" type="QString"/>
            <Option name="arrow_width_unit" value="MM" type="QString"/>
            <Option name="arrow_width_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_length" value="2.88" type="QString"/>
            <Option name="head_length_unit" value="MM" type="QString"/>
            <Option name="head_length_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_thickness" value="1.63" type="QString"/>
            <Option name="head_thickness_unit" value="MM" type="QString"/>
            <Option name="head_thickness_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="head_type" value="0" type="QString"/>
            <Option name="is_curved" value="1" type="QString"/>
            <Option name="is_repeated" value="0" type="QString"/>
            <Option name="offset" value="0" type="QString"/>
            <Option name="offset_unit" value="MM" type="QString"/>
            <Option name="offset_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
            <Option name="ring_filter" value="0" type="QString"/>
          </Option>
          <prop k="arrow_start_width" v="0.9"/>
          <prop k="arrow_start_width_unit" v="MM"/>
          <prop k="arrow_start_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="arrow_type" v="0"/>
          <prop k="arrow_width" v="0.9"/>
          <prop k="arrow_width_unit" v="MM"/>
          <prop k="arrow_width_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_length" v="2.88"/>
          <prop k="head_length_unit" v="MM"/>
          <prop k="head_length_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_thickness" v="1.63"/>
          <prop k="head_thickness_unit" v="MM"/>
          <prop k="head_thickness_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="head_type" v="0"/>
          <prop k="is_curved" v="1"/>
          <prop k="is_repeated" v="0"/>
          <prop k="offset" v="0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="offset_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="ring_filter" v="0"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties"/>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
          <symbol name="@9@0" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="158,158,158,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="255,255,255,255" type="QString"/>
                <Option name="outline_style" value="solid" type="QString"/>
                <Option name="outline_width" value="0.15" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="158,158,158,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="255,255,255,255"/>
              <prop k="outline_style" v="solid"/>
              <prop k="outline_width" v="0.15"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fontKerning="1" fontUnderline="0" textColor="0,0,0,255" fontStrikeout="0" textOpacity="1" namedStyle="" fieldName="label" fontItalic="0" fontWeight="50" capitalization="0" fontSizeUnit="Point" previewBkgrdColor="255,255,255,255" multilineHeight="1" fontSize="6.5" isExpression="0" useSubstitutions="0" legendString="Aa" textOrientation="horizontal" fontSizeMapUnitScale="3x:0,0,0,0,0,0" blendMode="0" fontLetterSpacing="0" allowHtml="0" fontFamily="DejaVu Sans" fontWordSpacing="0">
        <families/>
        <text-buffer bufferBlendMode="0" bufferJoinStyle="128" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferColor="255,255,255,255" bufferSizeUnits="MM" bufferOpacity="1" bufferDraw="1" bufferNoFill="1" bufferSize="0.69999999999999996"/>
        <text-mask maskEnabled="0" maskSizeUnits="MM" maskSize="1.5" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskJoinStyle="128" maskType="0" maskedSymbolLayers="" maskOpacity="1"/>
        <background shapeRadiiUnit="MM" shapeDraw="0" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiX="0" shapeRadiiY="0" shapeBorderWidthUnit="MM" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeJoinStyle="64" shapeSizeUnit="MM" shapeRotationType="0" shapeRotation="0" shapeBorderColor="128,128,128,255" shapeType="0" shapeSVGFile="" shapeSizeY="0" shapeOffsetX="0" shapeOffsetUnit="MM" shapeBlendMode="0" shapeOffsetY="0" shapeSizeX="0" shapeSizeType="0" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeBorderWidth="0" shapeFillColor="255,255,255,255" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeOpacity="1">
          <symbol name="fillSymbol" clip_to_extent="1" force_rhr="0" type="fill" alpha="1">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" value="" type="QString"/>
                <Option name="properties"/>
                <Option name="type" value="collection" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" enabled="1" class="SimpleFill" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="color" value="255,255,255,255" type="QString"/>
                <Option name="joinstyle" value="bevel" type="QString"/>
                <Option name="offset" value="0,0" type="QString"/>
                <Option name="offset_map_unit_scale" value="3x:0,0,0,0,0,0" type="QString"/>
                <Option name="offset_unit" value="MM" type="QString"/>
                <Option name="outline_color" value="128,128,128,255" type="QString"/>
                <Option name="outline_style" value="no" type="QString"/>
                <Option name="outline_width" value="0" type="QString"/>
                <Option name="outline_width_unit" value="MM" type="QString"/>
                <Option name="style" value="solid" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="255,255,255,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="128,128,128,255"/>
              <prop k="outline_style" v="no"/>
              <prop k="outline_width" v="0"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" value="" type="QString"/>
                  <Option name="properties"/>
                  <Option name="type" value="collection" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowColor="0,0,0,255" shadowOffsetGlobal="1" shadowOpacity="0.69999999999999996" shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowOffsetUnit="MM" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowOffsetAngle="135" shadowOffsetDist="1" shadowRadiusAlphaOnly="0" shadowDraw="0" shadowBlendMode="6" shadowUnder="0" shadowRadius="1.5" shadowRadiusUnit="MM" shadowScale="100"/>
        <dd_properties>
          <Option type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format autoWrapLength="0" placeDirectionSymbol="0" addDirectionSymbol="0" reverseDirectionSymbol="0" multilineAlign="3" formatNumbers="0" wrapChar="" plussign="0" leftDirectionSymbol="&lt;" rightDirectionSymbol=">" decimals="3" useMaxLineLengthForAutoWrap="1"/>
      <placement repeatDistanceUnits="MM" maxCurvedCharAngleOut="-25" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" yOffset="0" centroidWhole="0" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" rotationAngle="0" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" distUnits="MM" dist="0" centroidInside="0" placementFlags="10" layerType="UnknownGeometry" placement="4" geometryGeneratorEnabled="0" quadOffset="4" lineAnchorPercent="0.5" lineAnchorType="0" geometryGeneratorType="PointGeometry" distMapUnitScale="3x:0,0,0,0,0,0" polygonPlacementFlags="2" rotationUnit="AngleDegrees" overrunDistance="0" fitInPolygonOnly="0" overrunDistanceUnit="MM" offsetUnits="MM" offsetType="0" lineAnchorClipping="0" repeatDistance="0" maxCurvedCharAngleIn="25" xOffset="0" geometryGenerator="" priority="5" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" preserveRotation="1"/>
      <rendering scaleMax="0" fontMaxPixelSize="10000" maxNumLabels="2000" labelPerPart="0" zIndex="0" drawLabels="1" mergeLines="0" fontMinPixelSize="0" obstacleFactor="1" fontLimitPixelSize="0" limitNumLabels="0" scaleMin="0" scaleVisibility="0" obstacle="1" minFeatureSize="0" unplacedVisibility="0" obstacleType="1" displayAll="0" upsidedownLabels="0"/>
      <dd_properties>
        <Option type="Map">
          <Option name="name" value="" type="QString"/>
          <Option name="properties" type="Map">
            <Option name="Show" type="Map">
              <Option name="active" value="true" type="bool"/>
              <Option name="expression" value="&quot;width_class&quot; >= 2" type="QString"/>
              <Option name="type" value="3" type="int"/>
            </Option>
          </Option>
          <Option name="type" value="collection" type="QString"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option name="anchorPoint" value="pole_of_inaccessibility" type="QString"/>
          <Option name="blendMode" value="0" type="int"/>
          <Option name="ddProperties" type="Map">
            <Option name="name" value="" type="QString"/>
            <Option name="properties"/>
            <Option name="type" value="collection" type="QString"/>
          </Option>
          <Option name="drawToAllParts" value="false" type="bool"/>
          <Option name="enabled" value="0" type="QString"/>
          <Option name="labelAnchorPoint" value="point_on_exterior" type="QString"/>
          <Option name="lineSymbol" value="&lt;symbol name=&quot;symbol&quot; clip_to_extent=&quot;1&quot; force_rhr=&quot;0&quot; type=&quot;line&quot; alpha=&quot;1&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;name&quot; value=&quot;&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option name=&quot;type&quot; value=&quot;collection&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer locked=&quot;0&quot; enabled=&quot;1&quot; class=&quot;SimpleLine&quot; pass=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;align_dash_pattern&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;capstyle&quot; value=&quot;square&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;customdash&quot; value=&quot;5;2&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;customdash_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;customdash_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;dash_pattern_offset&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;dash_pattern_offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;dash_pattern_offset_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;draw_inside_polygon&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;joinstyle&quot; value=&quot;bevel&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_color&quot; value=&quot;60,60,60,255&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_style&quot; value=&quot;solid&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_width&quot; value=&quot;0.3&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;line_width_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;offset&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;offset_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;offset_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;ring_filter&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_end&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_end_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_end_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_start&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_start_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;trim_distance_start_unit&quot; value=&quot;MM&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;tweak_dash_pattern_on_corners&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;use_custom_dash&quot; value=&quot;0&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;width_map_unit_scale&quot; value=&quot;3x:0,0,0,0,0,0&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;name&quot; value=&quot;&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option name=&quot;type&quot; value=&quot;collection&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>" type="QString"/>
          <Option name="minLength" value="0" type="double"/>
          <Option name="minLengthMapUnitScale" value="3x:0,0,0,0,0,0" type="QString"/>
          <Option name="minLengthUnit" value="MM" type="QString"/>
          <Option name="offsetFromAnchor" value="0" type="double"/>
          <Option name="offsetFromAnchorMapUnitScale" value="3x:0,0,0,0,0,0" type="QString"/>
          <Option name="offsetFromAnchorUnit" value="MM" type="QString"/>
          <Option name="offsetFromLabel" value="0" type="double"/>
          <Option name="offsetFromLabelMapUnitScale" value="3x:0,0,0,0,0,0" type="QString"/>
          <Option name="offsetFromLabelUnit" value="MM" type="QString"/>
        </Option>
      </callout>
    </settings>
  </labeling>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="category" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="width_class" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="label" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="" index="0" field="category"/>
    <alias name="" index="1" field="width_class"/>
    <alias name="" index="2" field="label"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="category"/>
    <default applyOnUpdate="0" expression="" field="width_class"/>
    <default applyOnUpdate="0" expression="" field="label"/>
  </defaults>
  <constraints>
    <constraint notnull_strength="0" exp_strength="0" constraints="0" field="category" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" constraints="0" field="width_class" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" constraints="0" field="label" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="category"/>
    <constraint exp="" desc="" field="width_class"/>
    <constraint exp="" desc="" field="label"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortExpression="" actionWidgetStyle="dropDown" sortOrder="0">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable/>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression></previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>1</layerGeometryType>
</qgis>
