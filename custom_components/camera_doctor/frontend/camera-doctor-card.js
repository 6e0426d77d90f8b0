var W=globalThis,j=W.ShadowRoot&&(W.ShadyCSS===void 0||W.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,X=Symbol(),we=new WeakMap,O=class{constructor(e,t,s){if(this._$cssResult$=!0,s!==X)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(j&&e===void 0){let s=t!==void 0&&t.length===1;s&&(e=we.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),s&&we.set(t,e))}return e}toString(){return this.cssText}},xe=i=>new O(typeof i=="string"?i:i+"",void 0,X),v=(i,...e)=>{let t=i.length===1?i[0]:e.reduce((s,n,r)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+i[r+1],i[0]);return new O(t,i,X)},Ae=(i,e)=>{if(j)i.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let s=document.createElement("style"),n=W.litNonce;n!==void 0&&s.setAttribute("nonce",n),s.textContent=t.cssText,i.appendChild(s)}},Z=j?i=>i:i=>i instanceof CSSStyleSheet?(e=>{let t="";for(let s of e.cssRules)t+=s.cssText;return xe(t)})(i):i;var{is:Qe,defineProperty:Ye,getOwnPropertyDescriptor:et,getOwnPropertyNames:tt,getOwnPropertySymbols:st,getPrototypeOf:it}=Object,B=globalThis,Se=B.trustedTypes,nt=Se?Se.emptyScript:"",rt=B.reactiveElementPolyfillSupport,I=(i,e)=>i,Q={toAttribute(i,e){switch(e){case Boolean:i=i?nt:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,e){let t=i;switch(e){case Boolean:t=i!==null;break;case Number:t=i===null?null:Number(i);break;case Object:case Array:try{t=JSON.parse(i)}catch{t=null}}return t}},Ee=(i,e)=>!Qe(i,e),Ce={attribute:!0,type:String,converter:Q,reflect:!1,useDefault:!1,hasChanged:Ee};Symbol.metadata??=Symbol("metadata"),B.litPropertyMetadata??=new WeakMap;var $=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Ce){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let s=Symbol(),n=this.getPropertyDescriptor(e,s,t);n!==void 0&&Ye(this.prototype,e,n)}}static getPropertyDescriptor(e,t,s){let{get:n,set:r}=et(this.prototype,e)??{get(){return this[t]},set(o){this[t]=o}};return{get:n,set(o){let c=n?.call(this);r?.call(this,o),this.requestUpdate(e,c,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Ce}static _$Ei(){if(this.hasOwnProperty(I("elementProperties")))return;let e=it(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(I("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(I("properties"))){let t=this.properties,s=[...tt(t),...st(t)];for(let n of s)this.createProperty(n,t[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[s,n]of t)this.elementProperties.set(s,n)}this._$Eh=new Map;for(let[t,s]of this.elementProperties){let n=this._$Eu(t,s);n!==void 0&&this._$Eh.set(n,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let s=new Set(e.flat(1/0).reverse());for(let n of s)t.unshift(Z(n))}else e!==void 0&&t.push(Z(e));return t}static _$Eu(e,t){let s=t.attribute;return s===!1?void 0:typeof s=="string"?s:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let s of t.keys())this.hasOwnProperty(s)&&(e.set(s,this[s]),delete this[s]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ae(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,s){this._$AK(e,s)}_$ET(e,t){let s=this.constructor.elementProperties.get(e),n=this.constructor._$Eu(e,s);if(n!==void 0&&s.reflect===!0){let r=(s.converter?.toAttribute!==void 0?s.converter:Q).toAttribute(t,s.type);this._$Em=e,r==null?this.removeAttribute(n):this.setAttribute(n,r),this._$Em=null}}_$AK(e,t){let s=this.constructor,n=s._$Eh.get(e);if(n!==void 0&&this._$Em!==n){let r=s.getPropertyOptions(n),o=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:Q;this._$Em=n;let c=o.fromAttribute(t,r.type);this[n]=c??this._$Ej?.get(n)??c,this._$Em=null}}requestUpdate(e,t,s,n=!1,r){if(e!==void 0){let o=this.constructor;if(n===!1&&(r=this[e]),s??=o.getPropertyOptions(e),!((s.hasChanged??Ee)(r,t)||s.useDefault&&s.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(o._$Eu(e,s))))return;this.C(e,t,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:s,reflect:n,wrapped:r},o){s&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,o??t??this[e]),r!==!0||o!==void 0)||(this._$AL.has(e)||(this.hasUpdated||s||(t=void 0),this._$AL.set(e,t)),n===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[n,r]of this._$Ep)this[n]=r;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[n,r]of s){let{wrapped:o}=r,c=this[n];o!==!0||this._$AL.has(n)||c===void 0||this.C(n,void 0,r,c)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(t)):this._$EM()}catch(s){throw e=!1,this._$EM(),s}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};$.elementStyles=[],$.shadowRootOptions={mode:"open"},$[I("elementProperties")]=new Map,$[I("finalized")]=new Map,rt?.({ReactiveElement:$}),(B.reactiveElementVersions??=[]).push("2.1.2");var re=globalThis,ke=i=>i,F=re.trustedTypes,Te=F?F.createPolicy("lit-html",{createHTML:i=>i}):void 0,He="$lit$",w=`lit$${Math.random().toFixed(9).slice(2)}$`,Me="?"+w,ot=`<${Me}>`,C=document,M=()=>C.createComment(""),N=i=>i===null||typeof i!="object"&&typeof i!="function",oe=Array.isArray,at=i=>oe(i)||typeof i?.[Symbol.iterator]=="function",Y=`[ 	
\f\r]`,H=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Re=/-->/g,Pe=/>/g,A=RegExp(`>|${Y}(?:([^\\s"'>=/]+)(${Y}*=${Y}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),ze=/'/g,Oe=/"/g,Ne=/^(?:script|style|textarea|title)$/i,ae=i=>(e,...t)=>({_$litType$:i,strings:e,values:t}),h=ae(1),Le=ae(2),It=ae(3),E=Symbol.for("lit-noChange"),l=Symbol.for("lit-nothing"),Ie=new WeakMap,S=C.createTreeWalker(C,129);function Ue(i,e){if(!oe(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return Te!==void 0?Te.createHTML(e):e}var ct=(i,e)=>{let t=i.length-1,s=[],n,r=e===2?"<svg>":e===3?"<math>":"",o=H;for(let c=0;c<t;c++){let a=i[c],p,f,d=-1,u=0;for(;u<a.length&&(o.lastIndex=u,f=o.exec(a),f!==null);)u=o.lastIndex,o===H?f[1]==="!--"?o=Re:f[1]!==void 0?o=Pe:f[2]!==void 0?(Ne.test(f[2])&&(n=RegExp("</"+f[2],"g")),o=A):f[3]!==void 0&&(o=A):o===A?f[0]===">"?(o=n??H,d=-1):f[1]===void 0?d=-2:(d=o.lastIndex-f[2].length,p=f[1],o=f[3]===void 0?A:f[3]==='"'?Oe:ze):o===Oe||o===ze?o=A:o===Re||o===Pe?o=H:(o=A,n=void 0);let m=o===A&&i[c+1].startsWith("/>")?" ":"";r+=o===H?a+ot:d>=0?(s.push(p),a.slice(0,d)+He+a.slice(d)+w+m):a+w+(d===-2?c:m)}return[Ue(i,r+(i[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),s]},L=class i{constructor({strings:e,_$litType$:t},s){let n;this.parts=[];let r=0,o=0,c=e.length-1,a=this.parts,[p,f]=ct(e,t);if(this.el=i.createElement(p,s),S.currentNode=this.el.content,t===2||t===3){let d=this.el.content.firstChild;d.replaceWith(...d.childNodes)}for(;(n=S.nextNode())!==null&&a.length<c;){if(n.nodeType===1){if(n.hasAttributes())for(let d of n.getAttributeNames())if(d.endsWith(He)){let u=f[o++],m=n.getAttribute(d).split(w),_=/([.?@])?(.*)/.exec(u);a.push({type:1,index:r,name:_[2],strings:m,ctor:_[1]==="."?te:_[1]==="?"?se:_[1]==="@"?ie:R}),n.removeAttribute(d)}else d.startsWith(w)&&(a.push({type:6,index:r}),n.removeAttribute(d));if(Ne.test(n.tagName)){let d=n.textContent.split(w),u=d.length-1;if(u>0){n.textContent=F?F.emptyScript:"";for(let m=0;m<u;m++)n.append(d[m],M()),S.nextNode(),a.push({type:2,index:++r});n.append(d[u],M())}}}else if(n.nodeType===8)if(n.data===Me)a.push({type:2,index:r});else{let d=-1;for(;(d=n.data.indexOf(w,d+1))!==-1;)a.push({type:7,index:r}),d+=w.length-1}r++}}static createElement(e,t){let s=C.createElement("template");return s.innerHTML=e,s}};function T(i,e,t=i,s){if(e===E)return e;let n=s!==void 0?t._$Co?.[s]:t._$Cl,r=N(e)?void 0:e._$litDirective$;return n?.constructor!==r&&(n?._$AO?.(!1),r===void 0?n=void 0:(n=new r(i),n._$AT(i,t,s)),s!==void 0?(t._$Co??=[])[s]=n:t._$Cl=n),n!==void 0&&(e=T(i,n._$AS(i,e.values),n,s)),e}var ee=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:s}=this._$AD,n=(e?.creationScope??C).importNode(t,!0);S.currentNode=n;let r=S.nextNode(),o=0,c=0,a=s[0];for(;a!==void 0;){if(o===a.index){let p;a.type===2?p=new U(r,r.nextSibling,this,e):a.type===1?p=new a.ctor(r,a.name,a.strings,this,e):a.type===6&&(p=new ne(r,this,e)),this._$AV.push(p),a=s[++c]}o!==a?.index&&(r=S.nextNode(),o++)}return S.currentNode=C,n}p(e){let t=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(e,s,t),t+=s.strings.length-2):s._$AI(e[t])),t++}},U=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,s,n){this.type=2,this._$AH=l,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=s,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=T(this,e,t),N(e)?e===l||e==null||e===""?(this._$AH!==l&&this._$AR(),this._$AH=l):e!==this._$AH&&e!==E&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):at(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==l&&N(this._$AH)?this._$AA.nextSibling.data=e:this.T(C.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:s}=e,n=typeof s=="number"?this._$AC(e):(s.el===void 0&&(s.el=L.createElement(Ue(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===n)this._$AH.p(t);else{let r=new ee(n,this),o=r.u(this.options);r.p(t),this.T(o),this._$AH=r}}_$AC(e){let t=Ie.get(e.strings);return t===void 0&&Ie.set(e.strings,t=new L(e)),t}k(e){oe(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,s,n=0;for(let r of e)n===t.length?t.push(s=new i(this.O(M()),this.O(M()),this,this.options)):s=t[n],s._$AI(r),n++;n<t.length&&(this._$AR(s&&s._$AB.nextSibling,n),t.length=n)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let s=ke(e).nextSibling;ke(e).remove(),e=s}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},R=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,s,n,r){this.type=1,this._$AH=l,this._$AN=void 0,this.element=e,this.name=t,this._$AM=n,this.options=r,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=l}_$AI(e,t=this,s,n){let r=this.strings,o=!1;if(r===void 0)e=T(this,e,t,0),o=!N(e)||e!==this._$AH&&e!==E,o&&(this._$AH=e);else{let c=e,a,p;for(e=r[0],a=0;a<r.length-1;a++)p=T(this,c[s+a],t,a),p===E&&(p=this._$AH[a]),o||=!N(p)||p!==this._$AH[a],p===l?e=l:e!==l&&(e+=(p??"")+r[a+1]),this._$AH[a]=p}o&&!n&&this.j(e)}j(e){e===l?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},te=class extends R{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===l?void 0:e}},se=class extends R{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==l)}},ie=class extends R{constructor(e,t,s,n,r){super(e,t,s,n,r),this.type=5}_$AI(e,t=this){if((e=T(this,e,t,0)??l)===E)return;let s=this._$AH,n=e===l&&s!==l||e.capture!==s.capture||e.once!==s.once||e.passive!==s.passive,r=e!==l&&(s===l||n);n&&this.element.removeEventListener(this.name,this,s),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},ne=class{constructor(e,t,s){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(e){T(this,e)}};var lt=re.litHtmlPolyfillSupport;lt?.(L,U),(re.litHtmlVersions??=[]).push("3.3.3");var Ve=(i,e,t)=>{let s=t?.renderBefore??e,n=s._$litPart$;if(n===void 0){let r=t?.renderBefore??null;s._$litPart$=n=new U(e.insertBefore(M(),r),r,void 0,t??{})}return n._$AI(i),n};var ce=globalThis,y=class extends ${constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ve(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return E}};y._$litElement$=!0,y.finalized=!0,ce.litElementHydrateSupport?.({LitElement:y});var dt=ce.litElementPolyfillSupport;dt?.({LitElement:y});(ce.litElementVersions??=[]).push("4.2.2");var b="camera_doctor",G=`component.${b}`,ht=`${G}.selector.card.options.`,pt=`${G}.entity.sensor.red_flash_cause.state.`,ut=new Set(["none","firmware_outdated"]),le={red_flash:0,unknown:1,checking:2,advice:3,fine:4};function he(i){return i.cause===null||i.cause==="integration_offline"?"unknown":i.causes.some(e=>!ut.has(e))?"red_flash":i.pending.length>0?"checking":"fine"}function ft(i){let e=he(i);return e==="red_flash"||e==="unknown"||i.causes.length>0}function de(i){let e=he(i);return e==="fine"&&i.causes.length>0?le.advice:le[e]}function gt(i){return(i.split(`
`).find(t=>t.trim()!=="")??"").replace(/^\s*1\s*[.)]\s*/,"").trim()}function V(i){let e=i.cameras;return e==null?void 0:(Array.isArray(e)?e:[e]).map(s=>typeof s=="string"?s:JSON.stringify(s))}function pe(i){return i.show_healthy!==!1}function g(i,e,t){return i.localize(ht+e,t)}function De(i,e){return i.localize(pt+e)}function We(i,e){if(!e)return"";let t=e.indexOf("."),s=e.slice(0,t),n=e.slice(t+1);return gt(i.localize(`${G}.selector.${s}.options.${n}`))}function mt(i,e){return new Intl.NumberFormat(i.language,{style:"percent",maximumFractionDigits:0}).format(e/100)}function je(i,e){return new Intl.DateTimeFormat(i.language,{weekday:"short",day:"numeric",month:"short"}).format(e)}function _t(i,e){let t=e.battery;return t?t.percent!==null?g(i,"battery_level",{level:mt(i,t.percent)}):t.low!==null?g(i,t.low?"battery_low":"battery_ok"):"":""}function yt(i,e){let t=e.forecast;if(t?.state!=="ok"||!t.at)return"";let s=new Date(t.at);return Number.isNaN(s.getTime())?"":g(i,"runs_low",{date:je(i,s)})}function bt(i,e){return i.isAdmin&&e.notice?{kind:"notice",notice:e.notice}:i.isAdmin&&e.device_id?{kind:"device",deviceId:e.device_id}:{kind:"more-info",entityId:e.cause_entity_id??e.entity_id}}function Be(i){return i.group!==null&&i.cause===i.group.kind}function vt(i,e){let t=i.name(e.entity_id)??e.entity_id,s=he(e),n=g(i,`status_${s}`),r="";e.cause&&e.cause!=="none"?r=De(i,e.cause):s==="checking"&&e.pending[0]&&(r=De(i,e.pending[0]));let o=bt(i,e),c={notice:"open_notice",device:"open_device","more-info":"open_details"}[o.kind],a=e.forecast!==null&&e.history.length>=2;return{entityId:e.entity_id,name:t,status:s,statusText:n,causeText:r,stepText:Be(e)?"":We(i,e.steps),batteryText:_t(i,e),forecastText:yt(i,e),history:a?e.history:[],historyLabel:a?g(i,"battery_history",{date:je(i,new Date((e.history[0]?.[0]??0)*1e3))}):"",tap:o,label:g(i,c,{camera:t,status:r?`${n}, ${r}`:n}),checkLabel:g(i,"check_again_camera",{camera:t})}}function $t(i,e,t){let s=e.kind==="sync_module_offline"?"hub":"integration",n=i.localize(`${G}.issues.${e.kind}.title`,{[s]:e.name}),r=t.find(c=>c.notice&&c.notice.issue_id===e.issue_id)?.notice,o=t.find(Be)?.steps??null;return{text:n,stepText:We(i,o),tap:i.isAdmin&&r?{kind:"notice",notice:r}:null}}function wt(i,e,t){let s={count:e,total:t};return t===0?g(i,"headline_none"):e===0?g(i,t===1?"headline_fine_one":"headline_fine",s):g(i,e===1?"headline_attention_one":"headline_attention",s)}function xt(i){return(e,t)=>de(e)-de(t)||(i.name(e.entity_id)??e.entity_id).localeCompare(i.name(t.entity_id)??t.entity_id,i.language)}function At(i,e,t){let s=V(e);if(s===void 0)return{cameras:i.cameras,messages:[]};let n=new Map(i.cameras.map(c=>[c.entity_id,c])),r=[],o=[];for(let c of new Set(s)){let a=n.get(c),p=t.name(c);a?r.push(a):c.startsWith("camera.")?i.excluded.includes(c)?o.push(g(t,"camera_excluded",{camera:p??c})):p===void 0?o.push(g(t,"camera_removed",{entity_id:c})):o.push(g(t,"camera_not_watched",{camera:p})):o.push(g(t,"not_a_camera",{entity_id:c}))}return{cameras:r,messages:o}}function Fe(i,e,t){if(!i.loaded)return{headline:g(t,"not_loaded"),attention:0,total:0,messages:[],sections:[]};let{cameras:s,messages:n}=At(i,e,t),r=s.filter(ft).length,o=pe(e),c=[...s].sort(xt(t)),a=[],p=new Map;for(let d of c){let u=d.group,m=u?`${u.kind}:${u.id}`:"",_=p.get(m);if(!_){let Ze=c.filter($e=>u&&$e.group?.kind===u.kind&&$e.group.id===u.id);_={header:u?$t(t,u,Ze):null,rows:[]},a.push(_),u&&p.set(m,_)}_.rows.push(vt(t,d))}let f=a.map(d=>({...d,rows:o?d.rows:d.rows.filter(u=>{let m=s.find(_=>_.entity_id===u.entityId);return m!==void 0&&de(m)<le.fine})})).filter(d=>d.rows.length>0);return{headline:wt(t,r,s.length),attention:r,total:s.length,messages:n,sections:f}}function Ge(i,e,t){if(i.length<2)return"";let s=i[0]?.[0]??0,r=(i[i.length-1]?.[0]??s)-s||1;return i.map(([o,c])=>{let a=(o-s)/r*e,p=t-Math.min(Math.max(c,0),100)/100*t;return`${a.toFixed(1)},${p.toFixed(1)}`}).join(" ")}var St=["selector","entity","issues"],x=`component.${b}.selector.card.options.`;async function ue(i){let e=i.localize;if(i.loadBackendTranslation)for(let t of St)e=await i.loadBackendTranslation(t,b)??e;return e}function q(i,e){ue(i).then(e,()=>{e(i.localize)})}function k(i){return i.locale?.language??i.language}function K(i){if(i instanceof Error)return i.message;if(typeof i=="object"&&i!==null){let{message:e,body:t}=i;if(typeof e=="string")return e;if(typeof t?.message=="string")return t.message}return String(i)}var fe="camera-doctor-card-editor",P=class extends y{setConfig(e){this._config={...e}}willUpdate(){this.hass&&k(this.hass)!==this._language&&(this._language=k(this.hass),q(this.hass,e=>{this._localize=e}))}_word(e){return this._localize?.(x+e)??""}_cameras(){let e=this.hass;if(!e)return[];let t=V(this._config??{type:""})??[];return[...new Set([...Object.keys(e.states).filter(n=>n.startsWith("camera.")),...t])].map(n=>{let r=e.states[n]?.attributes.friendly_name;return{entityId:n,name:typeof r=="string"&&r?r:n}}).sort((n,r)=>n.name.localeCompare(r.name,k(e)))}_changed(e){this._config=e,this.dispatchEvent(new CustomEvent("config-changed",{detail:{config:e},bubbles:!0,composed:!0}))}_toggleCamera(e,t){let s={...this._config??{type:""}},n=new Set(V(s)??[]);t?n.add(e):n.delete(e),n.size?s.cameras=[...n]:delete s.cameras,this._changed(s)}_toggleHealthy(e){let t={...this._config??{type:""}};e?delete t.show_healthy:t.show_healthy=!1,this._changed(t)}render(){if(!this.hass||!this._config||!this._localize)return h``;let e=new Set(V(this._config)??[]),t=this._cameras();return h`<div class="editor">
      <fieldset>
        <legend>${this._word("editor_cameras")}</legend>
        <p class="help" id="cameras-help">${this._word("editor_cameras_help")}</p>
        ${t.map(s=>h`<label>
            <input
              type="checkbox"
              aria-describedby="cameras-help"
              .checked=${e.has(s.entityId)}
              @change=${n=>{this._toggleCamera(s.entityId,n.target.checked)}}
            />
            <span>${s.name}</span>
            ${s.name!==s.entityId?h`<span class="id">${s.entityId}</span>`:l}
          </label>`)}
      </fieldset>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          .checked=${pe(this._config)}
          @change=${s=>{this._toggleHealthy(s.target.checked)}}
        />
        <span>${this._word("editor_show_healthy")}</span>
      </label>
    </div>`}};P.properties={hass:{attribute:!1},_config:{state:!0},_localize:{state:!0}},P.styles=v`
    .editor {
      display: flex;
      flex-direction: column;
      gap: 16px;
      color: var(--primary-text-color);
    }
    fieldset {
      margin: 0;
      padding: 8px 12px 12px;
      border: 1px solid var(--divider-color);
      border-radius: 8px;
    }
    legend {
      padding: 0 4px;
      font-weight: 500;
    }
    .help {
      margin: 0 0 8px;
      color: var(--secondary-text-color);
      font-size: 0.875rem;
    }
    label {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 36px;
      cursor: pointer;
    }
    input {
      width: 18px;
      height: 18px;
      accent-color: var(--primary-color);
    }
    .id {
      color: var(--secondary-text-color);
      font-size: 0.8rem;
    }
  `;function Ct(i){let e=[];return i.split("**").forEach((t,s,n)=>{let r=s%2===1&&s<n.length-1,o=s%2===1&&!r?`**${t}`:t;o&&e.push({text:o,bold:r})}),e}function qe(i){return i.split(/\n\s*\n/).map(e=>e.split(`
`).filter(t=>t.trim()!=="")).filter(e=>e.length>0).map(e=>e.map(Ct))}var J=v`
    .spinner {
      width: 24px;
      height: 24px;
      border-radius: 50%;
      border: 3px solid var(--divider-color, rgba(127, 127, 127, 0.3));
      border-top-color: var(--primary-color);
      animation: spin 1s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
`;var me="camera-doctor-notice-dialog",Ke=`component.${b}.issues.`,ge="repairs/issues/fix",z=class extends y{constructor(){super(),this._busy=!1}_word(e,t){return this.localize?.(e,t)??""}_dialog(){return this.renderRoot.querySelector("dialog")}async open(e){this._notice=e;let t=`${Ke}${e.translation_key??""}`,s=this._word(`${t}.title`,e.placeholders);this._shown={title:s,body:"",submit:"",flowId:null},await this.updateComplete;let n=this._dialog();if(n&&!n.open&&n.showModal(),!e.fixable){this._shown={title:s,body:this._word(`${t}.description`,e.placeholders),submit:"",flowId:null};return}await this._run(()=>this._api("POST",ge,{handler:b,issue_id:e.issue_id}))}_api(e,t,s){return this.hass?this.hass.callApi(e,t,s):Promise.reject(new Error(b))}async _run(e){this._busy=!0;try{this._show(await e())}catch(t){this._shown={title:this._shown?.title??"",body:this._word(`${x}notice_failed`,{error:K(t)}),submit:"",flowId:null}}finally{this._busy=!1}}_show(e){let t=this._notice;if(!t)return;let s=`${Ke}${t.translation_key??""}.fix_flow`,n=e.description_placeholders??t.placeholders,r=this._shown?.title??"";if(e.type==="form"&&e.step_id&&e.flow_id){let o=`${s}.step.${e.step_id}`;this._shown={title:this._word(`${o}.title`,n)||r,body:this._word(`${o}.description`,n),submit:this._word(`${o}.submit`,n),flowId:e.flow_id}}else e.type==="abort"&&e.reason?this._shown={title:r,body:this._word(`${s}.abort.${e.reason}`,n),submit:"",flowId:null}:this.close()}async _submit(){let e=this._shown?.flowId;e&&await this._run(()=>this._api("POST",`${ge}/${e}`,{}))}close(){let e=this._shown?.flowId;e&&this._api("DELETE",`${ge}/${e}`).catch(()=>{}),this._shown=void 0;let t=this._dialog();t?.open&&t.close()}_body(e){return qe(e).map(t=>h`<p>
          ${t.map((s,n)=>h`${n?h`<br />`:l}${s.map(r=>r.bold?h`<strong>${r.text}</strong>`:r.text)}`)}
        </p>`)}render(){let e=this._shown;return h`<dialog
      aria-labelledby="title"
      aria-busy=${this._busy?"true":"false"}
      @cancel=${t=>{t.preventDefault(),this.close()}}
      @click=${t=>{t.target===this._dialog()&&this.close()}}
    >
      ${e?h`<h2 id="title">${e.title}</h2>
            <div class="body">
              ${e.body?this._body(e.body):h`<div class="spinner" role="status"></div>`}
            </div>
            <div class="buttons">
              <button type="button" class="secondary" @click=${()=>{this.close()}}>
                ${this._word(`${x}${e.flowId?"cancel":"close"}`)}
              </button>
              ${e.flowId&&e.submit?h`<button
                    type="button"
                    class="primary"
                    ?disabled=${this._busy}
                    @click=${()=>{this._submit()}}
                  >
                    ${e.submit}
                  </button>`:l}
            </div>`:l}
    </dialog>`}};z.properties={hass:{attribute:!1},localize:{attribute:!1},_shown:{state:!0},_busy:{state:!0}},z.styles=[J,v`
    dialog {
      box-sizing: border-box;
      width: min(560px, calc(100vw - 32px));
      max-height: calc(100vh - 64px);
      padding: 24px;
      border: none;
      border-radius: var(--ha-dialog-border-radius, 24px);
      background: var(--ha-dialog-surface-background, var(--card-background-color, #fff));
      color: var(--primary-text-color);
      font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, inherit));
      box-shadow: var(--ha-card-box-shadow, 0 8px 24px rgba(0, 0, 0, 0.3));
    }
    dialog::backdrop {
      background: rgba(0, 0, 0, 0.4);
    }
    h2 {
      margin: 0 0 12px;
      font-size: 1.5rem;
      font-weight: 400;
      line-height: 1.3;
    }
    .body {
      line-height: 1.5;
      overflow-wrap: anywhere;
    }
    .body p {
      margin: 0 0 12px;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 16px;
    }
    button {
      font: inherit;
      font-weight: 500;
      min-height: 40px;
      padding: 0 16px;
      border-radius: 20px;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    .secondary {
      color: var(--primary-color);
      background: transparent;
      border: 1px solid var(--divider-color);
    }
    .primary {
      color: var(--text-primary-color, #fff);
      background: var(--primary-color);
      border: none;
    }
    .primary[disabled] {
      opacity: 0.6;
      cursor: progress;
    }
    .spinner {
      margin: 12px auto;
    }
  `];var be="camera-doctor-card",Et=`${b}/cameras/subscribe`,_e=80,ye=22,kt={red_flash:"mdi:alarm-light",checking:"mdi:timer-sand",fine:"mdi:check-circle",unknown:"mdi:help-circle"};function Tt(i){let e=[];for(let t of i){let s=e[e.length-1];!t.header&&s&&!s[0]?.header?s.push(t):e.push([t])}return e}var D=class extends y{constructor(){super();this._subscribing=!1;this._busy=new Set,this._errors=new Map}static getConfigElement(){return document.createElement(fe)}static getStubConfig(){return{}}setConfig(t){this._config={...t}}getCardSize(){return 1+(this._snapshot?.cameras.length??2)}connectedCallback(){super.connectedCallback(),this._subscribe()}disconnectedCallback(){super.disconnectedCallback(),this._release()}willUpdate(){if(!this.hass)return;let t=k(this.hass);t!==this._language&&(this._language=t,q(this.hass,s=>{this._localize=s})),!this._unsubscribe&&!this._subscribing&&this._subscribe()}async _subscribe(){if(!(!this.hass||!this.isConnected||this._unsubscribe||this._subscribing)){this._subscribing=!0;try{let t=await this.hass.connection.subscribeMessage(s=>{this._snapshot=s},{type:Et});this._onScreen()?this._unsubscribe=t:Promise.resolve(t()).catch(()=>{})}catch{this._snapshot={loaded:!1,cameras:[],excluded:[]}}finally{this._subscribing=!1}}}_onScreen(){return this.isConnected}_release(){let t=this._unsubscribe;this._unsubscribe=void 0,t&&Promise.resolve(t()).catch(()=>{})}_word(t,s){return this._localize?this._localize(x+t,s):""}_view(){let t=this.hass;if(!(!t||!this._snapshot||!this._localize||!this._config))return Fe(this._snapshot,this._config,{localize:this._localize,isAdmin:t.user?.is_admin??!1,name:s=>{let n=t.states[s];if(!n)return;let r=n.attributes.friendly_name;return typeof r=="string"&&r?r:s},language:k(t)})}render(){let t=this._view();return t?h`<ha-card>
      <div class="content">
        <h2 class="headline" role="status">${t.headline}</h2>
        ${t.messages.length?h`<ul class="messages">
              ${t.messages.map(s=>h`<li><ha-icon icon="mdi:alert-outline" aria-hidden="true"></ha-icon>${s}</li>`)}
            </ul>`:l}
        ${Tt(t.sections).map(s=>s[0]?.header?this._section(s[0]):h`<ul class="rows">${s.flatMap(n=>n.rows).map(n=>this._row(n))}</ul>`)}
      </div>
      <camera-doctor-notice-dialog
        .hass=${this.hass}
        .localize=${this._localize}
      ></camera-doctor-notice-dialog>
    </ha-card>`:h`<ha-card>
        <div class="loading" role="status" aria-busy="true" aria-label=${this._word("loading")}>
          <span class="spinner" aria-hidden="true"></span>
        </div>
      </ha-card>`}_section(t){let s=h`<ul class="rows">${t.rows.map(o=>this._row(o))}</ul>`,n=t.header;if(!n)return s;let r=n.tap;return h`<section class="group">
      <div
        class="group-header ${r?"tappable":""}"
        role=${r?"button":l}
        tabindex=${r?"0":l}
        @click=${r?()=>{this._tap(r)}:l}
        @keydown=${r?o=>{this._key(o,r)}:l}
      >
        <ha-icon icon="mdi:lan-disconnect" aria-hidden="true"></ha-icon>
        <div>
          <div class="group-title">${n.text}</div>
          ${n.stepText?h`<div class="step">${n.stepText}</div>`:l}
        </div>
      </div>
      ${s}
    </section>`}_row(t){let s=this._busy.has(t.entityId),n=this._errors.get(t.entityId),r=Ge(t.history,_e,ye);return h`<li class="row ${t.status}">
      <div
        class="main"
        role="button"
        tabindex="0"
        aria-label=${t.label}
        @click=${()=>{this._tap(t.tap)}}
        @keydown=${o=>{this._key(o,t.tap)}}
      >
        <span class="light" aria-hidden="true"><ha-icon icon=${kt[t.status]}></ha-icon></span>
        <div class="text">
          <div class="name">${t.name}</div>
          <div class="status"><span class="badge">${t.statusText}</span>${t.causeText?h`<span class="cause">${t.causeText}</span>`:l}</div>
          ${t.stepText?h`<div class="step">${t.stepText}</div>`:l}
        </div>
        ${t.batteryText||t.forecastText?h`<div class="battery">
              ${t.batteryText?h`<div>${t.batteryText}</div>`:l}
              ${r?h`<svg
                    class="spark"
                    role="img"
                    aria-label=${t.historyLabel}
                    viewBox="0 0 ${_e} ${ye}"
                    preserveAspectRatio="none"
                  >${Le`<polyline points=${r} fill="none" vector-effect="non-scaling-stroke"></polyline>`}</svg>`:l}
              ${t.forecastText?h`<div class="forecast">${t.forecastText}</div>`:l}
            </div>`:l}
      </div>
      <button
        class="check"
        type="button"
        ?disabled=${s}
        aria-busy=${s?"true":"false"}
        aria-label=${t.checkLabel}
        @click=${()=>{this._checkAgain(t)}}
      >
        <ha-icon icon="mdi:refresh" aria-hidden="true"></ha-icon><span>${this._word("check_again")}</span>
      </button>
      ${n?h`<div class="error" role="alert">${n}</div>`:l}
    </li>`}_key(t,s){(t.key==="Enter"||t.key===" ")&&(t.preventDefault(),this._tap(s))}async _tap(t){switch(t.kind){case"notice":{await this.renderRoot.querySelector(me)?.open(t.notice);return}case"device":history.pushState(null,"",`/config/devices/device/${t.deviceId}`),window.dispatchEvent(new CustomEvent("location-changed",{detail:{replace:!1}}));return;case"more-info":this.dispatchEvent(new CustomEvent("hass-more-info",{detail:{entityId:t.entityId},bubbles:!0,composed:!0}));return}}async _checkAgain(t){if(!this.hass)return;this._busy=new Set([...this._busy,t.entityId]);let s=new Map(this._errors);s.delete(t.entityId),this._errors=s;try{await this.hass.callService(b,"recheck",{entity_id:t.entityId})}catch(n){this._errors=new Map(this._errors).set(t.entityId,this._word("check_failed",{camera:t.name,error:K(n)}))}finally{let n=new Set(this._busy);n.delete(t.entityId),this._busy=n}}};D.properties={hass:{attribute:!1},_config:{state:!0},_snapshot:{state:!0},_localize:{state:!0},_busy:{state:!0},_errors:{state:!0}},D.styles=[J,v`
    :host {
      display: block;
    }
    ha-card {
      overflow: hidden;
    }
    .content {
      container-type: inline-size;
      padding: 12px 16px 8px;
    }
    .headline {
      margin: 4px 0 8px;
      font-size: 1.25rem;
      font-weight: 500;
      line-height: 1.4;
      color: var(--primary-text-color);
    }
    .loading {
      display: flex;
      justify-content: center;
      padding: 24px;
    }
    .messages {
      list-style: none;
      margin: 0 0 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: rgba(var(--rgb-warning-color, 255, 166, 0), 0.12);
      color: var(--primary-text-color);
    }
    .messages li {
      display: flex;
      gap: 8px;
      align-items: center;
      padding: 2px 0;
    }
    .messages ha-icon {
      color: var(--warning-color, #ffa600);
      flex: none;
    }
    ul.rows {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .group {
      margin: 4px 0;
      border-radius: 8px;
      border: 1px solid var(--divider-color);
    }
    .group ul.rows {
      padding: 0 4px 0 12px;
    }
    .group-header {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 10px 12px 4px;
      color: var(--primary-text-color);
    }
    .group-header ha-icon {
      color: var(--error-color, #db4437);
      flex: none;
    }
    .group-title {
      font-weight: 500;
    }
    .tappable,
    .main {
      cursor: pointer;
      border-radius: 8px;
    }
    .tappable:focus-visible,
    .main:focus-visible,
    .check:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: 4px 8px;
      padding: 6px 0;
      border-top: 1px solid var(--divider-color);
    }
    .rows > .row:first-child {
      border-top: none;
    }
    .main {
      display: grid;
      grid-template-columns: auto 1fr auto;
      gap: 12px;
      align-items: center;
      padding: 6px 4px;
      min-width: 0;
    }
    .main:hover {
      background: var(--secondary-background-color);
    }
    .light {
      display: flex;
      align-items: center;
      justify-content: center;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      color: var(--status-color);
      background: color-mix(in srgb, var(--status-color) 15%, transparent);
    }
    .red_flash {
      --status-color: var(--error-color, #db4437);
    }
    .checking {
      --status-color: var(--warning-color, #ffa600);
    }
    .fine {
      --status-color: var(--success-color, #43a047);
    }
    .unknown {
      --status-color: var(--disabled-text-color, #9e9e9e);
    }
    .text {
      min-width: 0;
    }
    .name {
      font-weight: 500;
      color: var(--primary-text-color);
      overflow-wrap: anywhere;
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: center;
      color: var(--secondary-text-color);
      font-size: 0.9rem;
    }
    .badge {
      color: var(--status-color);
      font-weight: 500;
    }
    .cause {
      color: var(--primary-text-color);
    }
    .step {
      color: var(--secondary-text-color);
      font-size: 0.875rem;
      line-height: 1.35;
      margin-top: 2px;
    }
    .battery {
      text-align: end;
      font-size: 0.85rem;
      color: var(--secondary-text-color);
      white-space: nowrap;
    }
    .spark {
      display: block;
      width: ${_e}px;
      height: ${ye}px;
      margin: 2px 0 2px auto;
      stroke: var(--primary-color);
      stroke-width: 1.5;
    }
    .forecast {
      color: var(--primary-text-color);
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: inherit;
      font-size: 0.875rem;
      font-weight: 500;
      color: var(--primary-color);
      background: transparent;
      border: 1px solid var(--divider-color);
      border-radius: 18px;
      padding: 4px 12px 4px 8px;
      min-height: 36px;
      cursor: pointer;
    }
    .check:hover {
      background: var(--secondary-background-color);
    }
    .check[disabled] {
      opacity: 0.6;
      cursor: progress;
    }
    .check ha-icon {
      --mdc-icon-size: 18px;
    }
    .error {
      grid-column: 1 / -1;
      color: var(--error-color, #db4437);
      font-size: 0.875rem;
    }
    /* A narrower card (a column of a dashboard): the battery under the text. */
    @container (max-width: 560px) {
      .main {
        grid-template-columns: auto 1fr;
        row-gap: 2px;
      }
      .battery {
        grid-column: 2;
        text-align: start;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px 8px;
      }
      .spark {
        margin: 0;
      }
    }
    /* A phone: Check again as an icon button (its label stays for screen readers). */
    @container (max-width: 400px) {
      .check {
        padding: 0;
        width: 40px;
        min-height: 40px;
        justify-content: center;
        border-radius: 50%;
      }
      .check span {
        display: none;
      }
      .check ha-icon {
        --mdc-icon-size: 22px;
      }
    }
  `];function ve(i,e){customElements.get(i)||customElements.define(i,e)}ve(be,D);ve(fe,P);ve(me,z);var Je={type:be,name:"Camera Doctor",preview:!0,documentationURL:"https://github.com/camera-doctor/camera-doctor/blob/main/docs/card.md"};window.customCards=window.customCards??[];window.customCards.some(i=>i.type===be)||window.customCards.push(Je);async function Xe(i){let t=document.querySelector("home-assistant")?.hass;if(!t){i>0&&setTimeout(()=>{Xe(i-1)},1e3);return}try{let n=(await ue(t))(`${x}card_description`);n&&(Je.description=n)}catch{}}Xe(30);export{be as CARD_TAG,D as CameraDoctorCard,Et as SUBSCRIBE};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
